import http from 'node:http';

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * A tus PATCH over a raw HTTP connection, so that a test can hold the body back, cut it off, or keep writing after
 * the answer. `body` is sent at once unless `hold` is set; then the caller writes through `req`.
 */
export function rawPatch(
  target: string,
  headers: Record<string, string>,
  body?: Buffer,
  opts: { hold?: boolean; contentLength?: number } = {},
) {
  const req = http.request(target, {
    method: 'PATCH',
    headers: {
      'content-type': 'application/offset+octet-stream',
      ...(opts.contentLength !== undefined || body
        ? { 'content-length': String(opts.contentLength ?? body?.length) }
        : {}),
      ...headers,
    },
  });
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  if (body && !opts.hold) req.end(body);
  return { req, answer };
}
