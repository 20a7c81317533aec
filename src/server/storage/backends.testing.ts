import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalStorage } from './local.js';
import { S3Storage } from './s3.js';
import { startS3rver } from './s3rver.testing.js';
import type { Storage } from './storage.js';

/** A Storage for a test, on a fresh temp directory or s3rver bucket. */
export type Backend = {
  storage: Storage;
  /** Whatever the storage still holds: every key, and on disk every file or directory (local) or every
   * unfinished multipart upload (S3). Empty after a test cleaned up everything it made. */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
};

export const backends = [
  { kind: 'local', start: startLocal },
  { kind: 's3', start: startS3 },
] as const;

async function startLocal(): Promise<Backend> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-media-'));
  const storage = new LocalStorage(dir);
  return {
    storage,
    async leftovers() {
      // Everything under the root, except the (empty) temp directory for atomic writes.
      const entries = await fs.readdir(dir, { recursive: true });
      return entries.filter((e) => e !== '.tmp').sort();
    },
    close: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

async function startS3(): Promise<Backend> {
  const s3 = await startS3rver();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-s3tmp-'));
  const storage = new S3Storage(s3.settings, tmp);
  return {
    storage,
    async leftovers() {
      const pending = (await s3.pendingMultipartUploads()).map((id) => `multipart upload ${id}`);
      const copies = (await fs.readdir(tmp)).map((name) => `temp ${name}`);
      return [...(await storage.list('')), ...pending, ...copies];
    },
    async close() {
      await s3.close();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}
