import { createHash, randomBytes } from 'node:crypto';
import callbackFs from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Backend, backends } from './backends.testing.js';
import { LocalStorage } from './local.js';
import { type Storage, StorageError } from './storage.js';

const bytesOf = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const code = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (err) {
    if (err instanceof StorageError) return err.code;
    throw err;
  }
  return 'no error';
};

describe.each(backends)('$kind storage', ({ kind, start }) => {
  let backend: Backend;
  let storage: Storage;
  let work: string;
  // 12 MiB + a bit: above S3Storage's 8 MiB part size, so putFile goes multipart there.
  const big = randomBytes(12 * 1024 * 1024 + 12345);
  let bigFile: string;

  beforeAll(async () => {
    backend = await start();
    storage = backend.storage;
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-storage-test-'));
    bigFile = path.join(work, 'big.bin');
    await fs.writeFile(bigFile, big);
  });
  afterAll(async () => {
    await backend?.close();
    await fs.rm(work, { recursive: true, force: true });
  });

  it('is the kind it says', () => {
    expect(storage.kind).toBe(kind);
  });

  it('puts bytes and reads them back whole and in inclusive ranges; stat gives size and type', async () => {
    const key = 'videos/v1/hls/master.m3u8';
    await storage.putBytes(key, '#EXTM3U\n0123456789');
    expect(await storage.stat(key)).toEqual({ size: 18, contentType: 'application/vnd.apple.mpegurl' });
    expect((await bytesOf(await storage.read(key))).toString()).toBe('#EXTM3U\n0123456789');
    // One byte (not 0-0: s3rver reads an end of 0 as "to the end"; S3 does not).
    expect((await bytesOf(await storage.read(key, { start: 1, end: 1 }))).toString()).toBe('E');
    expect((await bytesOf(await storage.read(key, { start: 8, end: 11 }))).toString()).toBe('0123');
    // An end past the last byte is clipped, as HTTP ranges are.
    expect((await bytesOf(await storage.read(key, { start: 15, end: 1000 }))).toString()).toBe('789');
    expect(await code(storage.read(key, { start: 18, end: 20 }))).toBe('storage.bad_range');
    expect(await code(storage.read(key, { start: 5, end: 4 }))).toBe('storage.bad_range');
    expect(await code(storage.read(key, { start: -1, end: 4 }))).toBe('storage.bad_range');
    await storage.putBytes(key, Buffer.from('#EXTM3U\n'));
    expect((await bytesOf(await storage.read(key))).toString()).toBe('#EXTM3U\n'); // overwritten
    await storage.delete(key);
  });

  it('streams a large file in and out byte for byte, ranges across a part boundary included', async () => {
    const key = 'originals/big';
    await storage.putFile(key, bigFile, 'video/mp4');
    const st = await storage.stat(key);
    expect(st?.size).toBe(big.length);
    // S3 keeps the given type; local disk has only the key's extension to go by (none here).
    expect(st?.contentType).toBe(kind === 's3' ? 'video/mp4' : undefined);
    expect(sha256(await bytesOf(await storage.read(key)))).toBe(sha256(big));
    const boundary = 8 * 1024 * 1024;
    const slice = await bytesOf(await storage.read(key, { start: boundary - 100, end: boundary + 99 }));
    expect(slice.equals(big.subarray(boundary - 100, boundary + 100))).toBe(true);
    const tail = await bytesOf(await storage.read(key, { start: big.length - 10, end: big.length + 10 }));
    expect(tail.equals(big.subarray(big.length - 10))).toBe(true);
    await storage.delete(key);
    expect(await storage.stat(key)).toBeNull();
  });

  it('puts a small file with the type its extension implies', async () => {
    const file = path.join(work, 'poster.jpg');
    await fs.writeFile(file, 'not really a jpeg');
    await storage.putFile('videos/v2/poster.jpg', file);
    expect(await storage.stat('videos/v2/poster.jpg')).toEqual({ size: 17, contentType: 'image/jpeg' });
    await storage.delete('videos/v2/poster.jpg');
  });

  it('a failed putFile leaves nothing behind', async () => {
    await expect(storage.putFile('videos/v3/x.ts', path.join(work, 'missing'))).rejects.toThrow();
    expect(await storage.stat('videos/v3/x.ts')).toBeNull();
    expect(await backend.leftovers()).toEqual([]);
  });

  it('missing keys: stat is null, read throws storage.not_found, delete is fine', async () => {
    expect(await storage.stat('videos/none/x.ts')).toBeNull();
    expect(await code(storage.read('videos/none/x.ts'))).toBe('storage.not_found');
    expect(await code(storage.localCopy('videos/none/x.ts'))).toBe('storage.not_found');
    await storage.delete('videos/none/x.ts');
    expect(await storage.deletePrefix('videos/none')).toBe(0);
    expect(await storage.list('videos/none')).toEqual([]);
  });

  it('lists every key under a prefix (all levels, sorted) and not keys that merely start alike', async () => {
    const keys = ['ls/b/2.ts', 'ls/a.m3u8', 'ls/b/1.ts', 'ls/b/c/deep.vtt', 'lsx/other', 'ls2'];
    for (const k of keys) await storage.putBytes(k, k);
    const under = ['ls/a.m3u8', 'ls/b/1.ts', 'ls/b/2.ts', 'ls/b/c/deep.vtt'];
    expect(await storage.list('ls')).toEqual(under);
    expect(await storage.list('ls/')).toEqual(under);
    expect(await storage.list('ls/b/c')).toEqual(['ls/b/c/deep.vtt']);
    expect(await storage.list('')).toEqual([...under, 'ls2', 'lsx/other']);
    expect(await storage.list('ls/a.m3u8')).toEqual([]); // a key is not a prefix of itself
    for (const k of keys) await storage.delete(k);
    expect(await backend.leftovers()).toEqual([]);
  });

  it('deletePrefix removes everything under the prefix, counts it, and leaves nothing behind', async () => {
    const keys = [
      'videos/d1/hls/720p/seg_00001.ts',
      'videos/d1/hls/720p/seg_00002.ts',
      'videos/d1/poster.jpg',
    ];
    for (const k of keys) await storage.putBytes(k, 'x');
    await storage.putBytes('videos/d10/keep.ts', 'keep');
    expect(await storage.deletePrefix('videos/d1/hls')).toBe(2);
    expect(await storage.list('videos/d1')).toEqual(['videos/d1/poster.jpg']);
    expect(await storage.deletePrefix('videos/d1/')).toBe(1);
    expect(await storage.list('videos/d1')).toEqual([]);
    expect(await storage.list('')).toEqual(['videos/d10/keep.ts']);
    expect(await storage.deletePrefix('videos/d10')).toBe(1);
    expect(await storage.list('')).toEqual([]);
    expect(await backend.leftovers()).toEqual([]); // local: no empty directories either
  });

  it('rejects bad keys everywhere, and an empty prefix for deletePrefix', async () => {
    const bad = [
      '',
      '/abs',
      'a//b',
      'a/',
      '../x',
      'a/../b',
      'a/./b',
      'a\\b',
      '.hidden',
      'a/\u0000b',
      'a/\nb',
    ];
    const big = `${'a/'.repeat(600)}b`;
    for (const key of [...bad, big]) {
      expect(await code(storage.putBytes(key, 'x')), key).toBe('storage.bad_key');
      expect(await code(storage.putFile(key, bigFile)), key).toBe('storage.bad_key');
      expect(await code(storage.stat(key)), key).toBe('storage.bad_key');
      expect(await code(storage.read(key)), key).toBe('storage.bad_key');
      expect(await code(storage.delete(key)), key).toBe('storage.bad_key');
      expect(await code(storage.localCopy(key)), key).toBe('storage.bad_key');
      if (key !== '' && key !== 'a/') {
        expect(await code(storage.list(key)), key).toBe('storage.bad_key');
        expect(await code(storage.deletePrefix(key)), key).toBe('storage.bad_key');
      }
    }
    expect(await code(storage.deletePrefix(''))).toBe('storage.bad_key');
    expect(await code(storage.deletePrefix('/'))).toBe('storage.bad_key');
    expect(await code(storage.deleteUpload('a/b'))).toBe('storage.bad_key');
    expect(await code(storage.deleteUpload('..'))).toBe('storage.bad_key');
    expect(await backend.leftovers()).toEqual([]);
  });

  it('localCopy gives a readable file with the bytes; release() cleans up a temp copy', async () => {
    await storage.putBytes('originals/lc', big.subarray(0, 100_000));
    const copy = await storage.localCopy('originals/lc');
    expect((await fs.readFile(copy.path)).equals(big.subarray(0, 100_000))).toBe(true);
    await copy.release();
    if (kind === 's3') await expect(fs.stat(copy.path)).rejects.toThrow();
    await storage.delete('originals/lc');
    expect(await backend.leftovers()).toEqual([]);
  });
});

describe('local storage temp files', () => {
  it('writes go through <root>/.tmp, and temp files a crash left there over a day ago are dropped', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-media-'));
    try {
      await fs.mkdir(path.join(root, '.tmp'));
      const old = path.join(root, '.tmp', 'left-by-a-crash');
      const fresh = path.join(root, '.tmp', 'being-written');
      await fs.writeFile(old, 'half');
      await fs.writeFile(fresh, 'half');
      const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
      await fs.utimes(old, twoDaysAgo, twoDaysAgo);
      const storage = new LocalStorage(root);
      await storage.putBytes('videos/t/a.vtt', 'WEBVTT');
      expect(await fs.readdir(path.join(root, '.tmp'))).toEqual(['being-written']);
      expect(await storage.list('')).toEqual(['videos/t/a.vtt']);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

describe('local storage for uploads (tus)', () => {
  it('creates the originals folder at once, and a folder it cannot create is an error where it is asked for', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-media-'));
    // The library's own mkdir runs with a callback that throws outside any promise; it must not run at all.
    const asyncMkdir = vi.spyOn(callbackFs, 'mkdir');
    try {
      new LocalStorage(root).tusStore();
      expect((await fs.stat(path.join(root, 'originals'))).isDirectory()).toBe(true);
      expect(asyncMkdir).not.toHaveBeenCalled();
    } finally {
      asyncMkdir.mockRestore();
      await fs.rm(root, { recursive: true, force: true });
    }
    // Not an uncaught exception from inside the tus library, which would end the process.
    const file = path.join(os.tmpdir(), `amongi-not-a-dir-${process.pid}`);
    await fs.writeFile(file, 'x');
    try {
      expect(() => new LocalStorage(file).tusStore()).toThrow(/ENOTDIR|EEXIST/);
    } finally {
      await fs.rm(file, { force: true });
    }
  });
});
