import { useCallback, useEffect, useRef, useState } from 'react';
import type { DetailedError, HttpRequest, Upload } from 'tus-js-client';
import { i18n } from '../i18n';
import { csrfToken } from './client';

export const UPLOAD_ENDPOINT = '/api/v1/uploads';
/** The server's default limit (UPLOAD_MAX_BYTES); the server's own `Tus-Max-Size` wins when it says so. */
export const DEFAULT_MAX_BYTES = 8 * 1024 ** 3;
const CHUNK = 8 * 1024 * 1024;
/** Bad school wifi: retry soon, then less often; after the last, wait for the browser to be online again. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000];

export type UploadPhase = 'idle' | 'starting' | 'uploading' | 'paused' | 'offline' | 'done' | 'error';
export type UploadState = {
  phase: UploadPhase;
  sent: number;
  total: number;
  /** Bytes per second over the last seconds; null until there is enough to tell. */
  speed: number | null;
  /** A previous upload of the same file was found and is continued. */
  resumed: boolean;
  error: { message: string; signIn?: boolean } | null;
  videoId: string | null;
};

const initial: UploadState = {
  phase: 'idle',
  sent: 0,
  total: 0,
  speed: null,
  resumed: false,
  error: null,
  videoId: null,
};

/** The limit the server announces for tus uploads (OPTIONS → Tus-Max-Size). */
export async function fetchMaxUploadBytes(): Promise<number> {
  try {
    const res = await fetch(UPLOAD_ENDPOINT, { method: 'OPTIONS', headers: { 'Tus-Resumable': '1.0.0' } });
    const max = Number(res.headers.get('Tus-Max-Size'));
    return Number.isSafeInteger(max) && max > 0 ? max : DEFAULT_MAX_BYTES;
  } catch {
    return DEFAULT_MAX_BYTES;
  }
}

const statusOf = (err: Error | DetailedError) =>
  ('originalResponse' in err && err.originalResponse?.getStatus()) || 0;

/** The API's `{ error: { code, message } }` in a tus error response, if that is what it holds. */
function apiError(err: Error | DetailedError): { code: string; message: string } | null {
  if (!('originalResponse' in err) || !err.originalResponse) return null;
  try {
    const body = JSON.parse(err.originalResponse.getBody()) as {
      error?: { code?: string; message?: string };
    };
    return body.error?.code ? { code: body.error.code, message: body.error.message ?? '' } : null;
  } catch {
    return null;
  }
}

export const videoIdOf = (url: string | null) => url?.split('?')[0].split('/').filter(Boolean).pop() ?? null;

/**
 * A resumable tus upload with pause/continue, speed, and recovery from lost connections: the upload waits
 * for the browser to be online again and continues where it stopped. A reload continues too, once the same
 * file is chosen again (the upload URL is kept in localStorage under a fingerprint of person + file).
 */
export function useTusUpload(personId: string, maxBytes: number) {
  const [state, setState] = useState<UploadState>(initial);
  const upload = useRef<Upload | null>(null);
  const samples = useRef<{ t: number; bytes: number }[]>([]);
  const phase = useRef<UploadPhase>('idle');
  const patch = useCallback((p: Partial<UploadState>) => {
    if (p.phase) phase.current = p.phase;
    setState((s) => ({ ...s, ...p }));
  }, []);

  const onProgress = useCallback(
    (sent: number, total: number) => {
      const now = performance.now();
      const list = samples.current.filter((s) => now - s.t < 8000);
      list.push({ t: now, bytes: sent });
      samples.current = list;
      const span = (now - list[0].t) / 1000;
      const speed = span >= 1 ? (sent - list[0].bytes) / span : null;
      patch({
        sent,
        total,
        speed: speed ?? null,
        ...(phase.current === 'offline' || phase.current === 'starting'
          ? { phase: 'uploading', error: null }
          : {}),
      });
    },
    [patch],
  );

  const fail = useCallback(
    (err: Error | DetailedError) => {
      const status = statusOf(err);
      const body = apiError(err);
      if (status === 0 || status >= 500) {
        // Lost connection (or the server is restarting): keep waiting, continue when we are back.
        patch({ phase: 'offline', speed: null });
        return;
      }
      let message = body?.message || i18n.t('upload.failed');
      if (body?.code === 'upload.too_large' || status === 413)
        message = `${message} ${i18n.t('upload.maxSize', { size: formatBytes(maxBytes) })}`;
      patch({ phase: 'error', speed: null, error: { message, signIn: status === 401 } });
    },
    [patch, maxBytes],
  );

  const start = useCallback(
    async (file: File, title: string) => {
      const { Upload: TusUpload } = await import('tus-js-client');
      samples.current = [];
      patch({ ...initial, phase: 'starting', total: file.size });
      const u: Upload = new TusUpload(file, {
        endpoint: UPLOAD_ENDPOINT,
        chunkSize: CHUNK,
        retryDelays: RETRY_DELAYS,
        metadata: { filename: file.name, title, filetype: file.type },
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        fingerprint: async (f: File) =>
          ['amongi', personId, f.name, f.type, f.size, f.lastModified, UPLOAD_ENDPOINT].join('-'),
        onBeforeRequest: async (req: HttpRequest) => {
          req.setHeader('X-CSRF-Token', await csrfToken());
          req.setHeader('Accept-Language', i18n.language);
        },
        onShouldRetry: (err) => {
          const status = statusOf(err);
          if (status === 403 && apiError(err)?.code === 'auth.csrf_invalid') {
            void csrfToken(true).catch(() => undefined);
            return true;
          }
          if (status === 0 || status >= 500 || status === 423) {
            patch({ phase: 'offline', speed: null });
            return true;
          }
          return false;
        },
        onProgress,
        onError: fail,
        onSuccess: () => patch({ phase: 'done', videoId: videoIdOf(u.url), speed: null }),
      });
      upload.current = u;
      const previous = await u.findPreviousUploads().catch(() => []);
      if (previous[0]) {
        u.resumeFromPreviousUpload(previous[0]);
        patch({ resumed: true });
      }
      u.start();
    },
    [personId, patch, onProgress, fail],
  );

  const pause = useCallback(() => {
    void upload.current?.abort();
    samples.current = [];
    patch({ phase: 'paused', speed: null });
  }, [patch]);

  const resume = useCallback(() => {
    patch({ phase: 'uploading', error: null });
    upload.current?.start();
  }, [patch]);

  const cancel = useCallback(async () => {
    const u = upload.current;
    upload.current = null;
    // Terminating deletes the half-made video on the server; when that fails, it stays as "Uploader…".
    await u?.abort(!!u.url).catch(() => undefined);
    patch(initial);
  }, [patch]);

  // Back online: stop waiting for the next retry and continue at once.
  useEffect(() => {
    const online = () => {
      if (phase.current !== 'offline' || !upload.current) return;
      const u = upload.current;
      void u.abort().then(() => u.start());
    };
    const offline = () => {
      if (phase.current === 'uploading' || phase.current === 'starting')
        patch({ phase: 'offline', speed: null });
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Also try again now and then: `online` does not fire when only the server was away.
    const timer = setInterval(() => {
      if (phase.current === 'offline' && navigator.onLine) online();
    }, 30_000);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(timer);
    };
  }, [patch]);

  // Leaving the page pauses the upload; it continues when the same file is chosen again.
  useEffect(() => () => void upload.current?.abort(), []);

  return { state, start, pause, resume, cancel };
}

export function formatBytes(bytes: number): string {
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  // Binary units, as the operating systems that show "8 GB" for 8 GiB.
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: n < 10 && u > 0 ? 1 : 0 }).format(n)} ${units[u]}`;
}
