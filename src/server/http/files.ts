import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from './errors.js';

/*
 * Files that people share (a community post's file, a cycle's evidence): the upload is the raw body, the download
 * an attachment. What a file really is, is read from its bytes by storage/file-type.ts.
 */

/** The request content type of a raw file upload: the file's bytes as they are. */
export const RAW_FILE_TYPES = ['application/octet-stream'];

/**
 * Routes of this plugin take a file as the raw body, as a Buffer. One byte over `maxBytes` still arrives, so the
 * service can answer with its own "too large" code; anything bigger is request.too_large.
 */
export function acceptRawFiles(app: FastifyInstance, maxBytes: number) {
  app.addContentTypeParser(
    RAW_FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: maxBytes + 1 },
    (_req, body, done) => done(null, body),
  );
}

/** The uploaded file of such a route (no body: an empty file, which the service refuses). */
export function rawFile(body: unknown): Buffer {
  const bytes = body ?? Buffer.alloc(0);
  if (!Buffer.isBuffer(bytes)) throw new AppError('request.unsupported_type');
  return bytes;
}

/** A file name that every browser and mail client accepts: ASCII letters, digits and dashes (æøå spelled out). */
export function asciiFileName(title: string, fallback = 'traening'): string {
  const spelled = title
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .replace(/ø/g, 'oe')
    .replace(/Ø/g, 'Oe')
    .replace(/å/g, 'aa')
    .replace(/Å/g, 'Aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const safe = spelled
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return safe || fallback;
}

/** RFC 6266: a download under its own name, with an ASCII fallback and the real name in UTF-8 (RFC 5987). */
export function attachment(name: string) {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).replace(/[^A-Za-z0-9]/g, '') : '';
  const fallback = `${asciiFileName(dot > 0 ? name.slice(0, dot) : name, 'fil')}${ext ? `.${ext}` : ''}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a shared file as a private download: its sniffed type, never guessed again by the browser, never cached. */
export function sendFile(
  res: FastifyReply,
  f: { type: string; size: number; name: string; stream: Readable },
) {
  return (
    res
      .header('content-type', f.type)
      .header('content-length', String(f.size))
      .header('content-disposition', attachment(f.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      // A stream bypasses the serializer; the contract documents the bytes as a binary string.
      .send(f.stream as unknown as string)
  );
}
