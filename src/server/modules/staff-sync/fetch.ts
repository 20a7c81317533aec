import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../http/errors.js';

/**
 * Reads a source's CSV: a file under STAFF_SYNC_DIR (resolved through symlinks: no escaping the folder), or an
 * http(s) URL (timeout, size limit, at most 3 redirects and only to http/https). Every failure is an AppError
 * with a stable code; the run records it.
 */

export const SYNC_MAX_BYTES = 10 * 1024 * 1024;
export const SYNC_MAX_ROWS = 20_000;
const TIMEOUT_MS = 15_000;

/** The absolute path of a source's file, or a refusal when it is not under the allowed folder. */
export async function allowedPath(root: string | undefined, location: string): Promise<string> {
  if (!root) throw new AppError('staff_sync.paths_disabled');
  const base = path.resolve(root);
  const wanted = path.resolve(base, location);
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);
  if (!inside(wanted, base) || location.includes('\0')) throw new AppError('staff_sync.path_not_allowed');
  // Symlinks: the real file must be inside the real folder too (checked when it exists).
  const realBase = await fs.realpath(base).catch(() => base);
  const real = await fs.realpath(wanted).catch(() => null);
  if (real && !inside(real, realBase)) throw new AppError('staff_sync.path_not_allowed');
  return wanted;
}

export async function readPath(root: string | undefined, location: string): Promise<Uint8Array> {
  const file = await allowedPath(root, location);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppError('staff_sync.source_unreachable');
  if (stat.size > SYNC_MAX_BYTES) throw new AppError('staff_sync.source_too_large');
  return fs.readFile(file).catch(() => {
    throw new AppError('staff_sync.source_unreachable');
  });
}

export function checkUrl(location: string): URL {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new AppError('staff_sync.url_invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('staff_sync.url_invalid');
  return url;
}

export async function readUrl(location: string, timeoutMs = TIMEOUT_MS): Promise<Uint8Array> {
  let url = checkUrl(location);
  const signal = AbortSignal.timeout(timeoutMs);
  for (let hop = 0; hop <= 3; hop++) {
    const res = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/csv, */*' } }).catch(
      () => {
        throw new AppError('staff_sync.source_unreachable');
      },
    );
    if (res.status >= 300 && res.status < 400) {
      const next = res.headers.get('location');
      await res.body?.cancel();
      if (!next) throw new AppError('staff_sync.source_unreachable');
      const target = new URL(next, url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        throw new AppError('staff_sync.source_unreachable');
      url = target;
      continue;
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new AppError('staff_sync.source_unreachable');
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > SYNC_MAX_BYTES) {
      await res.body.cancel();
      throw new AppError('staff_sync.source_too_large');
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    try {
      const reader = res.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        const chunk = r.value;
        size += chunk.byteLength;
        if (size > SYNC_MAX_BYTES) await reader.cancel();
        if (size > SYNC_MAX_BYTES) throw new AppError('staff_sync.source_too_large');
        parts.push(chunk);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('staff_sync.source_unreachable');
    }
    return Buffer.concat(parts);
  }
  throw new AppError('staff_sync.source_unreachable');
}
