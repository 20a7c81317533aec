import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Configstore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { StorageError } from './storage.js';

/**
 * The tus FileStore's bookkeeping (`<id>.json`, the upload's length and metadata) in its own directory,
 * so that `originals/` holds nothing but the uploaded bytes. Writes are atomic (temp file + rename).
 */
export class UploadInfoStore implements Configstore {
  constructor(private readonly directory: string) {}

  private file(id: string): string {
    if (id === '' || /[/\\]/.test(id) || id.startsWith('.')) {
      throw new StorageError('storage.bad_key', `bad upload id: ${id}`);
    }
    return path.join(this.directory, `${id}.json`);
  }

  async get(id: string): Promise<Upload | undefined> {
    try {
      const raw = await fs.readFile(this.file(id), 'utf8');
      return new Upload(JSON.parse(raw) as ConstructorParameters<typeof Upload>[0]);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async set(id: string, value: Upload): Promise<void> {
    const file = this.file(id);
    const tmp = path.join(this.directory, `.${randomUUID()}.tmp`);
    const write = async () => {
      await fs.mkdir(this.directory, { recursive: true });
      await fs.writeFile(tmp, JSON.stringify(value));
      await fs.rename(tmp, file);
    };
    try {
      // Once more when a concurrent delete() removed the directory in between.
      await write().catch((err: NodeJS.ErrnoException) =>
        err.code === 'ENOENT' ? write() : Promise.reject(err),
      );
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  async delete(id: string): Promise<void> {
    await fs.rm(this.file(id), { force: true });
    await fs.rmdir(this.directory).catch(() => {}); // only when empty
  }

  async list(): Promise<string[]> {
    const names = await fs.readdir(this.directory).catch(() => []);
    return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
  }
}
