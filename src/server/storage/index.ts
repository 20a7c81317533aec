import path from 'node:path';
import type { Config } from '../config.js';
import { LocalStorage } from './local.js';
import { S3Storage } from './s3.js';
import type { Storage } from './storage.js';

export { LocalStorage } from './local.js';
export { S3Storage } from './s3.js';
export * from './storage.js';

/** The configured Storage: `<dataDir>/media` on local disk, or the S3 bucket with STORAGE=s3. */
export function createStorage(config: Pick<Config, 'dataDir' | 'storage'>): Storage {
  return config.storage.kind === 's3'
    ? new S3Storage(config.storage, path.join(config.dataDir, 'tmp'))
    : new LocalStorage(path.join(config.dataDir, 'media'));
}
