import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from './s3.js';

/**
 * s3rver on a random loopback port with a temp directory, for tests.
 *
 * s3rver 3.7 lacks two multipart calls real S3 has and @tus/s3-store uses: ListParts (to find the
 * offset of an upload) and AbortMultipartUpload. They are answered here from s3rver's own upload
 * directory (`<bucket>/._S3rver_uploads/<UploadId>/<partNumber>` + `.md5`); everything else is s3rver.
 */
export type TestS3 = {
  settings: S3Settings;
  /** Multipart uploads s3rver still holds (neither completed nor aborted). */
  pendingMultipartUploads(): Promise<string[]>;
  close(): Promise<void>;
};

const BUCKET = 'amongi';

export async function startS3rver(): Promise<TestS3> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'amongi-s3rver-'));
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: BUCKET }] });
  await s3rver.configureBuckets();
  const uploadsDir = path.join(directory, BUCKET, '._S3rver_uploads');
  const koa = s3rver.callback();
  const server = http.createServer((req, res) => {
    multipartGaps(uploadsDir, req, res).then(
      (handled) => handled || koa(req, res),
      (err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    settings: {
      kind: 's3',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: BUCKET,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    pendingMultipartUploads: () => fs.readdir(uploadsDir).catch(() => []),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/** Answers ListParts and AbortMultipartUpload (path-style URLs); false for any other request. */
async function multipartGaps(
  uploadsDir: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://s3rver');
  const uploadId = url.searchParams.get('uploadId');
  if (!uploadId || !/^[0-9a-f]+$/.test(uploadId) || (req.method !== 'GET' && req.method !== 'DELETE')) {
    return false;
  }
  const dir = path.join(uploadsDir, uploadId);
  const reply = (status: number, xml = '') => {
    res.writeHead(status, xml ? { 'content-type': 'application/xml' } : {});
    res.end(xml && `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
  };
  if (!(await fs.stat(dir).catch(() => null))) {
    reply(404, '<Error><Code>NoSuchUpload</Code><Message>The upload does not exist</Message></Error>');
  } else if (req.method === 'DELETE') {
    await fs.rm(dir, { recursive: true, force: true });
    reply(204);
  } else {
    const names = await fs.readdir(dir);
    const numbers = names
      .filter((n) => /^\d+$/.test(n) && names.includes(`${n}.md5`)) // .md5 is written once the part is
      .map(Number)
      .sort((a, b) => a - b);
    const parts = await Promise.all(
      numbers.map(async (n) => {
        const [{ size }, md5] = await Promise.all([
          fs.stat(path.join(dir, String(n))),
          fs.readFile(path.join(dir, `${n}.md5`), 'utf8'),
        ]);
        return `<Part><PartNumber>${n}</PartNumber><ETag>"${md5}"</ETag><Size>${size}</Size></Part>`;
      }),
    );
    reply(
      200,
      `<ListPartsResult><Bucket>${BUCKET}</Bucket><UploadId>${uploadId}</UploadId>` +
        `<IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`,
    );
  }
  return true;
}
