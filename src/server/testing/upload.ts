import fs from 'node:fs';
import * as tus from 'tus-js-client';
import { TestClient } from './harness.js';

/** The cookie and CSRF headers a signed-in TestClient would send, for a real HTTP client. */
export async function authHeaders(c: TestClient | Record<string, string>): Promise<Record<string, string>> {
  if (!(c instanceof TestClient)) return c;
  if (!c.csrf) c.csrf = (await c.get('/api/v1/auth/csrf')).json().token;
  return {
    cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': c.csrf as string,
  };
}

/**
 * Uploads a file over real HTTP with tus-js-client (as the browser does), signed in as `c` (a client or its headers). Resolves with the
 * new video's id (from the Amongi-Video-Id header) and the upload URL.
 */
export async function tusUpload(
  base: string,
  c: TestClient | Record<string, string>,
  file: string,
  opts: {
    metadata?: Record<string, string>;
    chunkSize?: number;
    /** Called with bytes sent; return true to abort the upload there (it resolves with what was sent). */
    stopAt?: (sent: number) => boolean;
    uploadUrl?: string;
  } = {},
): Promise<{ videoId: string; url: string; sent: number; stopped: boolean }> {
  const headers = await authHeaders(c);
  const size = fs.statSync(file).size;
  let videoId = '';
  return new Promise((resolve, reject) => {
    let sent = 0;
    const upload = new tus.Upload(fs.createReadStream(file), {
      endpoint: `${base}/api/v1/uploads`,
      uploadUrl: opts.uploadUrl,
      uploadSize: size,
      headers,
      chunkSize: opts.chunkSize ?? 4 * 1024 * 1024,
      retryDelays: [],
      metadata: opts.metadata ?? { filename: file.split('/').pop() as string, title: 'Testvideo' },
      onAfterResponse: (_req, res) => {
        videoId ||= res.getHeader('Amongi-Video-Id') ?? '';
      },
      onUploadUrlAvailable: () => {
        videoId ||= (upload.url ?? '').split('/').pop() ?? '';
      },
      onProgress: (bytes) => {
        sent = bytes;
        if (opts.stopAt?.(bytes)) {
          upload
            .abort()
            .then(() => resolve({ videoId, url: upload.url as string, sent, stopped: true }), reject);
        }
      },
      onSuccess: () => resolve({ videoId, url: upload.url as string, sent: size, stopped: false }),
      onError: reject,
    });
    upload.start();
  });
}

/** Signs in over real HTTP (a server in another process); the headers a browser would then send on writes. */
export async function signIn(base: string, email: string, password: string): Promise<Record<string, string>> {
  const csrf = await fetch(`${base}/api/v1/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrfCookie.join('; '), 'x-csrf-token': token },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  return { cookie: [...csrfCookie, ...session].join('; '), 'x-csrf-token': token };
}
