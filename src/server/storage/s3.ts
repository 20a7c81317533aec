import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { DataStore } from '@tus/server';
import type { StorageConfig } from '../config.js';
import { isS3NotFound, OriginalsS3Store, s3Error } from './s3-tus.js';
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
  StorageError,
  type StorageStat,
} from './storage.js';

export type S3Settings = Extract<StorageConfig, { kind: 's3' }>;

const MiB = 1024 * 1024;
/** Files up to this size go in one PutObject; larger ones in parts of at least this size. */
const PART_SIZE = 8 * MiB;
const MAX_PARTS = 10_000;
const PART_CONCURRENCY = 4;
const COPY_PREFIX = 's3-copy-';

/** Media in one bucket of an S3-compatible store; keys are object keys. */
export class S3Storage implements Storage {
  readonly kind = 's3' as const;
  readonly bucket: string;
  private readonly clientConfig: S3ClientConfig;
  private readonly client: S3Client;
  private tus?: OriginalsS3Store;
  private tmpReady?: Promise<string>;

  /** tmpDir holds localCopy() downloads (originals can be large: keep it off a RAM-backed /tmp). */
  constructor(
    settings: S3Settings,
    private readonly tmpDir: string,
  ) {
    this.bucket = settings.bucket;
    this.clientConfig = {
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Checksums only where S3 requires them: the default (aws-chunked bodies with trailing CRC32)
      // is not understood by many S3-compatible stores.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    this.client = new S3Client(this.clientConfig);
  }

  async putFile(key: string, localPath: string, contentType?: string): Promise<void> {
    const Key = assertKey(key);
    const ContentType = contentType ?? guessContentType(key);
    const { size } = await fs.stat(localPath);
    if (size <= PART_SIZE) {
      const Body = createReadStream(localPath);
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key, Body, ContentLength: size, ContentType }),
      );
      return;
    }
    await this.putMultipart(Key, localPath, size, ContentType);
  }

  /** Uploads a file in parts of ≥ 8 MiB, a few at a time, each streamed from its slice of the file. */
  private async putMultipart(Key: string, localPath: string, size: number, ContentType?: string) {
    const partSize = Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS));
    const created = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key, ContentType }),
    );
    const UploadId = created.UploadId;
    if (!UploadId) throw new Error(`S3 gave no UploadId for ${Key}`);
    const parts: { PartNumber: number; ETag?: string }[] = [];
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && next * partSize < size) {
        const index = next++;
        const start = index * partSize;
        const end = Math.min(start + partSize, size) - 1;
        const send = () =>
          this.client.send(
            new UploadPartCommand({
              Bucket: this.bucket,
              Key,
              UploadId,
              PartNumber: index + 1,
              Body: createReadStream(localPath, { start, end }),
              ContentLength: end - start + 1,
            }),
          );
        try {
          // A stream body cannot be replayed by the SDK's own retry: retry the part with a new stream.
          const res = await send().catch(() => send());
          parts.push({ PartNumber: index + 1, ETag: res.ETag });
        } catch (err) {
          failed = true;
          throw err;
        }
      }
    };
    const results = await Promise.allSettled(Array.from({ length: PART_CONCURRENCY }, worker));
    const failure = results.find((r) => r.status === 'rejected');
    try {
      if (failure) throw failure.reason;
      parts.sort((a, b) => a.PartNumber - b.PartNumber);
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key,
          UploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    } catch (err) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }))
        .catch(() => {}); // the original error matters more; S3 lifecycle rules clean up the rest
      throw err;
    }
  }

  async putBytes(key: string, data: Buffer | string, contentType?: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: assertKey(key),
        Body: data,
        ContentType: contentType ?? guessContentType(key),
      }),
    );
  }

  async stat(key: string): Promise<StorageStat | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }));
      return { size: res.ContentLength ?? 0, contentType: res.ContentType };
    } catch (err) {
      if (isS3NotFound(err)) return null;
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const Key = assertKey(key);
    if (range) clampRange(range, Number.MAX_SAFE_INTEGER); // S3 would ignore a malformed range
    try {
      const res = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      if (!(res.Body instanceof Readable)) throw new Error(`S3 gave no body stream for ${key}`);
      return res.Body;
    } catch (err) {
      if (isS3NotFound(err)) throw notFound(key);
      if (s3Error(err).status === 416) {
        throw new StorageError('storage.bad_range', `range ${range?.start}-${range?.end} outside ${key}`);
      }
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertKey(key) }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    const p = `${normalizePrefix(prefix, false)}/`;
    let count = 0;
    // Each page (at most 1000 keys) is deleted before the next one is listed.
    for await (const keys of this.pages(p)) {
      if (keys.length === 0) continue;
      const res = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const errors = res.Errors ?? [];
      if (errors.length > 0) {
        throw new Error(`S3 could not delete ${errors.length} keys under ${p}: ${errors[0]?.Message}`);
      }
      count += keys.length;
    }
    return count;
  }

  async list(prefix: string): Promise<string[]> {
    const p = normalizePrefix(prefix, true);
    const keys: string[] = [];
    for await (const page of this.pages(p === '' ? '' : `${p}/`)) keys.push(...page);
    return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async localCopy(key: string): Promise<LocalCopy> {
    const dir = await fs.mkdtemp(path.join(await this.copiesDir(), COPY_PREFIX));
    const release = () => fs.rm(dir, { recursive: true, force: true });
    try {
      const file = path.join(dir, path.basename(key));
      await pipeline(await this.read(key), createWriteStream(file));
      return { path: file, release };
    } catch (err) {
      await release();
      throw err;
    }
  }

  tusStore(): DataStore {
    return this.originalsStore();
  }

  async deleteUpload(id: string): Promise<void> {
    originalKey(id);
    await this.originalsStore().forget(id);
  }

  private originalsStore(): OriginalsS3Store {
    this.tus ??= new OriginalsS3Store({
      partSize: PART_SIZE,
      s3ClientConfig: { ...this.clientConfig, bucket: this.bucket },
    });
    return this.tus;
  }

  /** The temp directory, created once per process, less the copies a crash left there over a day ago. */
  private copiesDir(): Promise<string> {
    this.tmpReady ??= (async () => {
      await fs.mkdir(this.tmpDir, { recursive: true });
      await removeStale(this.tmpDir, (name) => name.startsWith(COPY_PREFIX));
      return this.tmpDir;
    })();
    this.tmpReady.catch(() => {
      this.tmpReady = undefined;
    });
    return this.tmpReady;
  }

  private async *pages(prefix: string): AsyncGenerator<string[]> {
    let ContinuationToken: string | undefined;
    do {
      const res = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken }),
      );
      yield (res.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
      ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }
}
