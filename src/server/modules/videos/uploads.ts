import type { IncomingMessage } from 'node:http';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/videos.js';
import { cutText, isSafeText } from '../../../shared/text.js';
import { requireActor } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { answers } from '../../http/schemas.js';
import { type Actor, authorize, type Grant } from '../../policy/index.js';
import { audit } from '../audit.js';
import { refreshSearchDocuments } from '../search-documents/index.js';
import { startProcessing } from './pipeline.js';
import * as repo from './repo.js';
import { videoResource } from './service.js';
import { createFastPatch, takesFastPath } from './upload-fast-path.js';
import { UploadLocker } from './upload-lock.js';

export const UPLOADS_PATH = '/api/v1/uploads';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The video id decided for a creation request, by its Node request (tus sees a web Request wrapping it). */
const decidedIds = new WeakMap<IncomingMessage, string>();
type WrappedRequest = { runtime?: { node?: { req: IncomingMessage } } };

/** tus Upload-Metadata: comma-separated `key base64value` pairs. Null when malformed. */
export function parseUploadMetadata(header: string | undefined): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (!header?.trim()) return out;
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ');
    if (!key || extra !== undefined || !/^[A-Za-z0-9_.-]+$/.test(key)) return null;
    if (value && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return null;
    out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return out;
}

/** A file name as a person would recognise it: no folders, no control characters, at most 255 characters. */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127).join('');
  const clean = printable.trim().replace(/^\.+/, '');
  if (!clean) return 'video';
  if (clean.length <= 255) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return cutText(clean, 255 - ext.length) + ext;
}

const titleFrom = (title: string | undefined, filename: string) =>
  cutText(title?.trim() || filename.replace(/\.[^.]{1,10}$/, ''), 200) || 'Video';

/** The institution the upload belongs to: the one asked for when the actor works there, else their first. */
function uploadPlace(actor: Actor, wanted: string | undefined): Grant {
  const places = actor.grants.filter((g) => g.institutionId && g.kommuneId);
  const place = places.find((g) => g.institutionId === wanted) ?? places[0];
  if (!place) throw new AppError('video.no_institution');
  return place;
}

/**
 * tus resumable uploads (https://tus.io) at /api/v1/uploads. The creation POST makes the video (status
 * `uploading`) and answers 201 with `Location` and `Amongi-Video-Id`; PATCH sends bytes into storage at
 * `originals/<id>`; when the last byte arrives the video moves to `processing` and its first job is queued.
 * Every request goes through the session and CSRF checks like any other API call; only the owner may continue.
 */
export function uploadRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { storage } = ctx;
  const maxBytes = ctx.config.uploadMaxBytes;
  const quotaBytes = ctx.config.uploadQuotaBytes;
  const datastore = storage.tusStore();
  // One lock per upload id, shared by @tus/server and the fast path below, across processes on PostgreSQL.
  const locker = new UploadLocker(ctx);
  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore,
    locker,
    relativeLocation: true,
    maxSize: maxBytes,
    // The id was decided (and the video row created) by the route before tus saw the request.
    namingFunction: (req) => {
      const node = (req as WrappedRequest).runtime?.node?.req;
      const id = node && decidedIds.get(node);
      if (!id) throw new Error('upload without a video id');
      return id;
    },
    onUploadFinish: async (_req, upload) => {
      await startProcessing(ctx, upload.id);
      return {};
    },
  });

  // Local disk: a PATCH's bytes go from the socket straight into the file (S3 keeps the @tus/server path).
  const fastPatch =
    datastore instanceof FileStore
      ? createFastPatch({
          store: datastore,
          locker,
          maxBytes,
          onFinish: (id) => startProcessing(ctx, id),
        })
      : undefined;

  async function handOver(req: FastifyRequest, reply: FastifyReply) {
    reply.hijack();
    await tus.handle(req.raw, reply.raw);
  }

  async function create(req: FastifyRequest, reply: FastifyReply) {
    const actor = requireActor(req);
    authorize(actor, 'video.create', { type: 'instance' });
    if (req.headers['upload-defer-length'] || req.headers['upload-length'] === undefined)
      throw new AppError('upload.length_required');
    const size = Number(req.headers['upload-length']);
    if (!Number.isSafeInteger(size) || size < 0) throw new AppError('upload.length_required');
    if (size > maxBytes) throw new AppError('upload.too_large');
    const meta = parseUploadMetadata(req.headers['upload-metadata'] as string | undefined);
    if (!meta) throw new AppError('upload.invalid_metadata');
    if (Object.values(meta).some((v) => !isSafeText(v))) throw new AppError('request.invalid_text');
    const place = uploadPlace(actor, meta.institutionId);
    const filename = cleanFilename(meta.filename);
    const { id } = await ctx.db.transaction(async (tx) => {
      // The quota counts the declared size, so it is refused here, before any byte (PATCH cannot exceed it).
      if ((await repo.lockOwnerAndSumOriginals(tx, actor.id)) + size > quotaBytes)
        throw new AppError('upload.quota_exceeded');
      const row = await repo.insertVideo(tx, {
        ownerId: actor.id,
        institutionId: place.institutionId as string,
        kommuneId: place.kommuneId as string,
        title: titleFrom(meta.title, filename),
        originalFilename: filename,
        originalSize: size,
        // The owner is walked through title, consent, visibility and description ("Gør videoen klar").
        setupState: 'open',
      });
      await refreshSearchDocuments(tx, [row.id]);
      await audit(tx, actor, 'video.upload', 'video', row.id, { filename, size });
      return row;
    });
    decidedIds.set(req.raw, id);
    reply.raw.setHeader('Amongi-Video-Id', id);
    reply.raw.setHeader(
      'Access-Control-Expose-Headers',
      'Location, Amongi-Video-Id, Upload-Offset, Tus-Resumable',
    );
    await handOver(req, reply);
    // tus refused (e.g. a bad header): the video never got a byte, so it is not kept.
    if (reply.raw.statusCode !== 201) await repo.deleteVideo(ctx.db, id);
  }

  /**
   * HEAD, PATCH and DELETE on an upload: the owner's, while it is still uploading (HEAD also after, to resume).
   * Anyone else's upload id — a colleague's the person may see or edit as a video, too — answers exactly like a
   * made-up id (same status, code, body and headers), so an id cannot be tested for existence here.
   */
  async function continueUpload(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const actor = requireActor(req);
    const v = UUID.test(req.params.id) ? await repo.getVideo(ctx.db, req.params.id) : undefined;
    if (!v || v.ownerId !== actor.id) throw new AppError('upload.not_found');
    authorize(actor, 'video.update', videoResource(v));
    if (req.method !== 'HEAD' && v.status !== 'uploading') throw new AppError('upload.finished');
    if (req.method === 'DELETE') {
      await handOver(req, reply);
      if (reply.raw.statusCode === 204) {
        await repo.deleteVideo(ctx.db, v.id);
        await storage.deleteUpload(v.id);
        await storage.delete(`originals/${v.id}`);
      }
      return;
    }
    if (fastPatch && takesFastPath(req.raw)) {
      reply.hijack();
      await fastPatch.handle(req.raw, reply.raw, v.id);
      return;
    }
    await handOver(req, reply);
  }

  return async (app) => {
    app.addHook('onClose', () => locker.close());
    // The bytes of a PATCH go to tus untouched.
    app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
    const schema = { tags: ['videos'], hide: false };
    app.post(
      '/uploads',
      {
        schema: {
          ...schema,
          description:
            'tus creation (protocol 1.0.0). Headers: Tus-Resumable, Upload-Length, Upload-Metadata with base64 `filename` and `title`. Answers 201 with Location and Amongi-Video-Id.',
          response: answers({ 201: c.UploadCreated }),
        },
      },
      create,
    );
    app.route({
      method: ['HEAD', 'PATCH', 'DELETE'],
      url: '/uploads/:id',
      schema: {
        ...schema,
        description: 'tus: HEAD reports Upload-Offset, PATCH appends bytes, DELETE ends the upload.',
        response: answers({ 200: c.UploadOffset, 204: c.UploadPatched }),
      },
      handler: continueUpload,
    });
    app.options('/uploads', { schema: { hide: true } }, handOver);
    app.options('/uploads/:id', { schema: { hide: true } }, handOver);
  };
}
