import type { Readable } from 'node:stream';
import { type Options, S3Store } from '@tus/s3-store';
import { DataStore, Upload } from '@tus/server';
import { originalKey } from './storage.js';

/** The error name S3 (or the SDK) gives a failed call, and its HTTP status. */
export function s3Error(err: unknown): { name?: string; status?: number } {
  if (typeof err !== 'object' || err === null) return {};
  const name = 'name' in err && typeof err.name === 'string' ? err.name : undefined;
  const meta = '$metadata' in err ? (err.$metadata as { httpStatusCode?: number } | undefined) : undefined;
  return { name, status: meta?.httpStatusCode };
}

export const isS3NotFound = (err: unknown) => {
  const { name } = s3Error(err);
  return name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchUpload';
};

const ORIGINALS = 'originals/';
const uploadIdOf = (key: string) => (key.startsWith(ORIGINALS) ? key.slice(ORIGINALS.length) : key);

/**
 * @tus/s3-store 2.0 uses the tus upload id as the object key and has no key prefix (its partKey() carries
 * a TODO for one). This subclass is handed keys (`originals/<id>`) as ids by OriginalsS3Store, and keeps
 * its bookkeeping objects out of `originals/`: `uploads/<id>.info` (length, metadata, S3 UploadId) and
 * `uploads/<id>.part` (a tail shorter than S3's 5 MiB minimum part, carried over to the next PATCH).
 */
class UploadsS3Store extends S3Store {
  protected override infoKey(key: string): string {
    return `uploads/${uploadIdOf(key)}.info`;
  }

  protected override partKey(key: string, isIncomplete = false): string {
    return isIncomplete ? `uploads/${uploadIdOf(key)}.part` : key;
  }

  /** Aborts the multipart upload if unfinished (S3 drops its parts) and removes the bookkeeping. */
  async forget(key: string): Promise<void> {
    let uploadId: string | undefined;
    try {
      uploadId = (await this.getMetadata(key))['upload-id'];
    } catch (err) {
      if (!isS3NotFound(err)) throw err;
    }
    if (uploadId) {
      await this.client
        .abortMultipartUpload({ Bucket: this.bucket, Key: key, UploadId: uploadId })
        .catch((err: unknown) => {
          if (!isS3NotFound(err)) throw err; // NoSuchUpload: already completed
        });
    }
    await this.client.deleteObject({ Bucket: this.bucket, Key: this.partKey(key, true) });
    await this.client.deleteObject({ Bucket: this.bucket, Key: this.infoKey(key) });
    await this.clearCache(key);
  }
}

/**
 * The tus DataStore of S3Storage: the server sees upload ids, the S3 store under it sees `originals/<id>`,
 * so a finished upload is exactly the object `originals/<id>` (no copy after the upload).
 */
export class OriginalsS3Store extends DataStore {
  private readonly inner: UploadsS3Store;

  constructor(options: Options) {
    super();
    this.inner = new UploadsS3Store(options);
    this.extensions = this.inner.extensions;
  }

  override async create(upload: Upload): Promise<Upload> {
    const created = await this.inner.create(withId(upload, originalKey(upload.id)));
    return withId(created, upload.id);
  }

  override write(stream: Readable, id: string, offset: number): Promise<number> {
    return this.inner.write(stream, originalKey(id), offset);
  }

  override async getUpload(id: string): Promise<Upload> {
    return withId(await this.inner.getUpload(originalKey(id)), id);
  }

  override declareUploadLength(id: string, length: number): Promise<void> {
    return this.inner.declareUploadLength(originalKey(id), length);
  }

  /** tus termination (DELETE): the upload, finished or not, and its bookkeeping. */
  override async remove(id: string): Promise<void> {
    await this.inner.remove(originalKey(id));
    await this.forget(id);
  }

  override deleteExpired(): Promise<number> {
    return this.inner.deleteExpired();
  }

  override getExpiration(): number {
    return this.inner.getExpiration();
  }

  read(id: string): Promise<Readable> {
    return this.inner.read(originalKey(id));
  }

  /** See Storage.deleteUpload. */
  forget(id: string): Promise<void> {
    return this.inner.forget(originalKey(id));
  }
}

function withId(upload: Upload, id: string): Upload {
  return new Upload({
    id,
    size: upload.size,
    offset: upload.offset,
    metadata: upload.metadata,
    creation_date: upload.creation_date,
    storage: upload.storage,
  });
}
