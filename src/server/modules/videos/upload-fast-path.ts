import fs from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStore } from '@tus/file-store';
import { ERRORS, EXPOSED_HEADERS, type Lock, type Locker, TUS_RESUMABLE, type Upload } from '@tus/server';

/**
 * A tus PATCH straight from the Node request into the upload's file on local disk, without @tus/server's
 * web-stream round trip (Node stream → web ReadableStream → Node stream, a copy and a promise per chunk).
 * Same protocol and the same bookkeeping as @tus/file-store: the bytes go to `<directory>/<id>` and the offset
 * IS that file's size (FileStore.getUpload stats it); the `.json` sidecar (length, metadata) is written once at
 * creation and not touched here. It shares the tus server's Locker (upload-lock.ts, across processes on
 * PostgreSQL), so a HEAD or PATCH on the tus path and one
 * here never write at once, and a newer request for an upload stops the older one's write first.
 */
export type FastPatchOptions = {
  store: FileStore;
  locker: Locker;
  /** The configured maximum upload size in bytes. */
  maxBytes: number;
  /** Called once, by the request whose bytes complete the upload (the tus server's onUploadFinish). */
  onFinish: (id: string) => Promise<void>;
};

const BODY_TYPE = 'application/offset+octet-stream';
/** Write-side buffer: large enough that the disk gets big writev batches, small enough for flat memory. */
const WRITE_BUFFER = 4 * 1024 * 1024;

/** A tus error (status and plain-text body, as @tus/server answers). */
type TusError = { status_code: number; body: string };
const isTusError = (e: unknown): e is TusError =>
  typeof e === 'object' && e !== null && 'status_code' in e && 'body' in e;

/**
 * Whether this PATCH is plain enough for the fast path: the tus body type and no header that asks for more
 * than "append these bytes" (deferred length, concatenation, metadata). Anything else goes to @tus/server.
 */
export function takesFastPath(req: IncomingMessage): boolean {
  const h = req.headers;
  return (
    req.method === 'PATCH' &&
    h['content-type'] === BODY_TYPE &&
    h['upload-length'] === undefined &&
    h['upload-defer-length'] === undefined &&
    h['upload-concat'] === undefined &&
    h['upload-metadata'] === undefined
  );
}

class TooLarge extends Error {}

/** Passes at most `limit` bytes; one more byte fails the stream (nothing past the limit reaches the file). */
class Limiter extends Transform {
  received = 0;
  constructor(private readonly limit: number) {
    super({ highWaterMark: WRITE_BUFFER });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.received += chunk.length;
    if (this.received > this.limit) done(new TooLarge());
    else done(null, chunk);
  }
}

export function createFastPatch(opts: FastPatchOptions) {
  const { store, locker, maxBytes, onFinish } = opts;

  function answer(res: ServerResponse, status: number, body = '', extra: Record<string, string> = {}) {
    if (res.headersSent || res.destroyed) return;
    const headers: Record<string, string> = {
      'Tus-Resumable': TUS_RESUMABLE,
      'Access-Control-Expose-Headers': EXPOSED_HEADERS,
      ...extra,
    };
    if (body) {
      headers['Content-Type'] = 'text/plain; charset=utf-8';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    // A body we did not read (an early refusal, a write cut short): close rather than drain it.
    if (!res.req.complete) headers.Connection = 'close';
    res.writeHead(status, headers).end(status === 204 ? undefined : body);
  }
  const fail = (res: ServerResponse, e: TusError, extra?: Record<string, string>) =>
    answer(res, e.status_code, e.body, extra);

  /** Handles the PATCH completely (answers on `res`); the caller has checked session, CSRF and ownership. */
  async function handle(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const resumable = req.headers['tus-resumable'];
    if (resumable === undefined) return answer(res, 412, 'Tus-Resumable Required\n');
    if (resumable !== TUS_RESUMABLE) return answer(res, 400, 'Invalid tus-resumable\n');
    const offsetHeader = req.headers['upload-offset'];
    if (offsetHeader === undefined) return fail(res, ERRORS.MISSING_OFFSET);
    const offset = Number(offsetHeader);
    if (!Number.isSafeInteger(offset) || offset < 0 || String(offset) !== offsetHeader)
      return answer(res, 400, 'Invalid upload-offset\n');
    const lengthHeader = req.headers['content-length'];
    const length = lengthHeader === undefined ? undefined : Number(lengthHeader);

    // One writer per upload: a later request (here or on the tus path) asks us to stop, we finish what
    // arrived and let go. `stop` is replaced by the write below; before it, the request is just refused.
    let superseded = false;
    let stop = () => {};
    const gone = new AbortController();
    const onClose = () => {
      if (!req.complete) gone.abort();
    };
    req.once('close', onClose);
    req.on('error', () => {}); // a dropped connection: handled through 'close'
    const lock: Lock = locker.newLock(id);
    try {
      await lock.lock(gone.signal, () => {
        superseded = true;
        stop();
      });
    } catch (e) {
      req.off('close', onClose);
      return fail(res, isTusError(e) ? e : ERRORS.ERR_LOCK_TIMEOUT);
    }

    let result: { status: number; body?: string; offset?: number };
    try {
      result = await write();
    } catch (e) {
      result = isTusError(e)
        ? { status: e.status_code, body: e.body }
        : { status: 500, body: ERRORS.FILE_WRITE_ERROR.body };
    } finally {
      req.off('close', onClose);
      await lock.unlock();
    }
    const { status, body, offset: newOffset } = result;
    answer(res, status, body, newOffset === undefined ? {} : { 'Upload-Offset': String(newOffset) });

    async function write(): Promise<{ status: number; body?: string; offset?: number }> {
      const upload: Upload = await store.getUpload(id);
      if (superseded) return { status: ERRORS.ABORTED.status_code, body: ERRORS.ABORTED.body };
      if (upload.offset !== offset) return { status: 409, body: ERRORS.INVALID_OFFSET.body };
      const size = upload.size;
      if (size !== undefined && size > maxBytes)
        return { status: 413, body: ERRORS.ERR_MAX_SIZE_EXCEEDED.body };
      const room = (size ?? maxBytes) - offset;
      if (length !== undefined && (!Number.isSafeInteger(length) || length > room))
        return { status: 413, body: ERRORS.ERR_SIZE_EXCEEDED.body };
      const file = upload.storage?.path;
      if (!file) throw ERRORS.FILE_NOT_FOUND;

      const limiter = new Limiter(length ?? room);
      const out = fs.createWriteStream(file, { flags: 'r+', start: offset, highWaterMark: WRITE_BUFFER });
      stop = () => {
        req.unpipe(limiter);
        if (!limiter.writableEnded) limiter.end(); // what arrived is still written
      };
      req.once('close', () => {
        if (!req.complete) stop(); // dropped connection: the bytes so far count
      });
      if (superseded || req.destroyed) stop();
      else req.pipe(limiter);
      let tooLarge = false;
      try {
        await pipeline(limiter, out);
      } catch (e) {
        if (!(e instanceof TooLarge)) throw e;
        tooLarge = true;
      } finally {
        req.unpipe(limiter);
        // The offset is the file's size: wait until the last write has landed and the file is closed.
        if (!out.closed) await new Promise<void>((r) => out.once('close', () => r()));
      }
      const now = (await stat(file)).size;
      // The request that moved the offset onto the declared length (and only that one) finishes the upload.
      if (size !== undefined && offset < size && now === size) await onFinish(id);
      if (tooLarge) return { status: 413, body: ERRORS.ERR_MAX_SIZE_EXCEEDED.body, offset: now };
      return { status: 204, offset: now };
    }
  }

  return { handle };
}
