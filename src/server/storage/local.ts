import { randomUUID } from 'node:crypto';
import { type Dirent, constants as fsConstants, mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import type { DataStore } from '@tus/server';
import {
  assertKey,
  type ByteRange,
  clampRange,
  guessContentType,
  type LocalCopy,
  normalizePrefix,
  notFound,
  originalKey,
  removeStale,
  type Storage,
  type StorageStat,
} from './storage.js';
import { UploadInfoStore } from './upload-info.js';

/**
 * The tus FileStore with its directory created synchronously. Its own constructor starts an `fs.mkdir` whose callback
 * throws outside any promise: an uncaught exception later (a crashed process when the data dir is not writable; a
 * stray error in a test whose folder is removed before the callback runs). Here it throws from the constructor.
 */
// @ts-expect-error the method is private in FileStore's types; replacing it is the point.
class SyncDirFileStore extends FileStore {
  override checkOrCreateDirectory() {
    mkdirSync(this.directory, { mode: 0o777, recursive: true });
  }
}

const TMP = '.tmp'; // under the root; no key can start with '.', so it never shows as a key

const isMissing = (err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/** Media on local disk under one root (`<DATA_DIR>/media`); a key is a path below it. */
export class LocalStorage implements Storage {
  readonly kind = 'local' as const;
  readonly root: string;
  private tmpDir?: Promise<string>;
  private tus?: SyncDirFileStore;
  private readonly uploadInfo: UploadInfoStore;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.uploadInfo = new UploadInfoStore(path.join(this.root, 'uploads'));
  }

  /** The absolute path of a key (or prefix). */
  pathOf(key: string): string {
    return path.join(this.root, ...assertKey(key).split('/'));
  }

  async putFile(key: string, localPath: string): Promise<void> {
    await this.writeAtomically(key, async (tmp) => {
      await fs.copyFile(localPath, tmp, fsConstants.COPYFILE_FICLONE);
      const handle = await fs.open(tmp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  async putBytes(key: string, data: Buffer | string): Promise<void> {
    await this.writeAtomically(key, async (tmp) => {
      const handle = await fs.open(tmp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  async stat(key: string): Promise<StorageStat | null> {
    try {
      const st = await fs.stat(this.pathOf(key));
      return st.isFile() ? { size: st.size, contentType: guessContentType(key) } : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.pathOf(key), 'r');
    } catch (err) {
      if (isMissing(err)) throw notFound(key);
      throw err;
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw notFound(key);
      const r = range ? clampRange(range, st.size) : undefined;
      return handle.createReadStream({ start: r?.start, end: r?.end, autoClose: true });
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await fs.unlink(file);
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    await this.pruneEmptyDirs(path.dirname(file));
  }

  async deletePrefix(prefix: string): Promise<number> {
    const dir = this.pathOf(normalizePrefix(prefix, false));
    const count = (await walk(dir)).length;
    if (await isDirectory(dir)) await fs.rm(dir, { recursive: true, force: true });
    await this.pruneEmptyDirs(path.dirname(dir));
    return count;
  }

  async list(prefix: string): Promise<string[]> {
    const p = normalizePrefix(prefix, true);
    const base = p === '' ? this.root : this.pathOf(p);
    const keys = (await walk(base)).map((rel) => (p === '' ? rel : `${p}/${rel}`));
    return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async localCopy(key: string): Promise<LocalCopy> {
    if (!(await this.stat(key))) throw notFound(key);
    return { path: this.pathOf(key), release: async () => {} };
  }

  tusStore(): DataStore {
    if (!this.tus) {
      const directory = path.join(this.root, 'originals');
      this.tus = new SyncDirFileStore({ directory, configstore: this.uploadInfo });
    }
    return this.tus;
  }

  async deleteUpload(id: string): Promise<void> {
    const key = originalKey(id);
    const info = await this.uploadInfo.get(id);
    if (!info) return;
    const data = await this.stat(key);
    const finished = info.size !== undefined && data?.size === info.size;
    if (!finished) await this.delete(key);
    await this.uploadInfo.delete(id);
  }

  /** Writes to a temp file under `<root>/.tmp` and renames it onto the key: readers never see half a file. */
  private async writeAtomically(key: string, write: (tmp: string) => Promise<void>): Promise<void> {
    const dest = this.pathOf(key);
    const tmp = path.join(await this.ensureTmpDir(), randomUUID());
    try {
      await write(tmp);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      try {
        await fs.rename(tmp, dest);
      } catch (err) {
        // A concurrent delete may have pruned the (then empty) directory in between.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        await fs.mkdir(path.dirname(dest), { recursive: true });
        await fs.rename(tmp, dest);
      }
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  /** Creates `<root>/.tmp` once per process, less the temp files a crash left there over a day ago. */
  private ensureTmpDir(): Promise<string> {
    this.tmpDir ??= (async () => {
      const dir = path.join(this.root, TMP);
      await fs.mkdir(dir, { recursive: true });
      await removeStale(dir, () => true);
      return dir;
    })();
    this.tmpDir.catch(() => {
      this.tmpDir = undefined;
    });
    return this.tmpDir;
  }

  /** Removes empty directories from `dir` up to (not including) the root. */
  private async pruneEmptyDirs(dir: string): Promise<void> {
    let current = dir;
    while (current.startsWith(this.root + path.sep)) {
      try {
        await fs.rmdir(current);
      } catch {
        return; // not empty, gone, or not ours to remove
      }
      current = path.dirname(current);
    }
  }
}

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
}

/** Relative '/'-paths of every file under dir (none when dir is missing); skips names starting with '.'. */
async function walk(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      for (const rel of await walk(path.join(dir, entry.name))) out.push(`${entry.name}/${rel}`);
    } else if (entry.isFile()) {
      out.push(entry.name);
    }
  }
  return out;
}
