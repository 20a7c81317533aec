import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';

/**
 * Where media lives: local disk by default, any S3-compatible store with STORAGE=s3.
 *
 * Keys are '/'-separated relative paths: `originals/<videoId>`, `videos/<videoId>/hls/720p/seg_00001.ts`.
 * A key has no empty segments, no segment starting with '.', no backslash or control character
 * (see assertKey). A prefix is a key naming a "directory": everything under `prefix/`.
 */
export interface Storage {
  readonly kind: 'local' | 's3';
  /** Streams a local file into the key (S3: multipart above 8 MiB). Local: atomic (temp file + rename). */
  putFile(key: string, localPath: string, contentType?: string): Promise<void>;
  putBytes(key: string, data: Buffer | string, contentType?: string): Promise<void>;
  /**
   * Size and content type, or null when missing. S3 keeps the content type given at put time; local disk
   * stores none and guesses it from the key's extension (both guess when none was given).
   */
  stat(key: string): Promise<StorageStat | null>;
  /** The bytes of the key, or of an inclusive byte range (end clipped to the size). StorageError when missing. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes one key; a missing key is fine. */
  delete(key: string): Promise<void>;
  /** Removes every key under `prefix/` and returns how many there were. */
  deletePrefix(prefix: string): Promise<number>;
  /** Every key under `prefix/` (all levels), sorted; '' lists everything. */
  list(prefix: string): Promise<string[]>;
  /** A local file path with the key's bytes (S3: a temp download). Read only; call release() after use. */
  localCopy(key: string): Promise<LocalCopy>;
  /**
   * The @tus/server DataStore (one per Storage) for uploads whose finished bytes are the object
   * `originals/<id>`. Its bookkeeping lives under `uploads/` (`<id>.json` on disk; `<id>.info` and
   * `<id>.part` on S3).
   */
  tusStore(): DataStore;
  /**
   * Forgets upload <id>: removes its bookkeeping and, when the upload is unfinished, its partial data.
   * A finished `originals/<id>` stays (remove it with delete()). Unknown ids are fine.
   */
  deleteUpload(id: string): Promise<void>;
}

export type StorageStat = { size: number; contentType?: string };
export type ByteRange = { start: number; end: number };
export type LocalCopy = { path: string; release(): Promise<void> };

export type StorageErrorCode = 'storage.bad_key' | 'storage.not_found' | 'storage.bad_range';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export const notFound = (key: string) => new StorageError('storage.not_found', `no such key: ${key}`);

const MAX_KEY_BYTES = 1024; // S3's limit

const badSegment = (segment: string) =>
  segment === '' ||
  segment.startsWith('.') ||
  [...segment].some((c) => c === '\\' || c < ' ' || c === '\u007f');

/** Returns the key when it is a valid relative key, else throws a StorageError('storage.bad_key'). */
export function assertKey(key: string): string {
  if (typeof key !== 'string' || Buffer.byteLength(key) > MAX_KEY_BYTES || key.split('/').some(badSegment)) {
    throw new StorageError('storage.bad_key', `bad storage key: ${JSON.stringify(key)}`);
  }
  return key;
}

/** A prefix is a key, with an optional trailing '/'; '' (everything) only where allowEmpty. */
export function normalizePrefix(prefix: string, allowEmpty: boolean): string {
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (p === '' && allowEmpty) return '';
  return assertKey(p);
}

/** A tus upload id is one key segment: the upload lands on `originals/<id>`. */
export function originalKey(uploadId: string): string {
  if (uploadId.includes('/')) throw new StorageError('storage.bad_key', `bad upload id: ${uploadId}`);
  return assertKey(`originals/${uploadId}`);
}

/** Checks a range against the object size; returns it with `end` clipped, or throws 'storage.bad_range'. */
export function clampRange(range: ByteRange, size: number): ByteRange {
  const { start, end } = range;
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    start < 0 ||
    end < start ||
    start >= size
  ) {
    throw new StorageError('storage.bad_range', `range ${start}-${end} outside 0-${size - 1}`);
  }
  return { start, end: Math.min(end, size - 1) };
}

const CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  vtt: 'text/vtt',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  json: 'application/json',
  txt: 'text/plain',
};

/** The content type for a key's extension, if it is one of the media types this app writes. */
export function guessContentType(key: string): string | undefined {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? CONTENT_TYPES[name.slice(dot + 1).toLowerCase()] : undefined;
}

/** Removes the entries of dir (files or directories) that `pick` names and that are over a day old. */
export async function removeStale(dir: string, pick: (name: string) => boolean): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of (await fs.readdir(dir)).filter(pick)) {
    const entry = path.join(dir, name);
    const st = await fs.stat(entry).catch(() => null);
    if (st && st.mtimeMs < dayAgo) await fs.rm(entry, { recursive: true, force: true });
  }
}
