import type { errorBody, Wire } from '../../shared/contracts/common';
import type { CsrfToken } from '../../shared/contracts/people';
import { i18n } from '../i18n';

/** One field's problem in an error answer (contracts/common errorBody). */
export type ErrorDetail = NonNullable<Wire<typeof errorBody>['error']['details']>[number];

/** An error answer from the API ({ error: { code, message, details } }) or a network failure. */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/api/v1';
let csrf: Promise<string> | null = null;
const expiredListeners = new Set<() => void>();

/** Called whenever the server says the session has expired (401 auth.session_expired). */
export function onSessionExpired(listener: () => void) {
  expiredListeners.add(listener);
  return () => {
    expiredListeners.delete(listener);
  };
}

function fetchCsrf(): Promise<string> {
  csrf = fetch(`${BASE}/auth/csrf`, { credentials: 'same-origin' })
    .then((r) => {
      if (!r.ok) throw new Error('csrf');
      return r.json() as Promise<Wire<typeof CsrfToken>>;
    })
    .then((b) => b.token)
    .catch((err) => {
      csrf = null;
      throw err;
    });
  return csrf;
}

type Options = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Raw body (e.g. a File) sent with this content type instead of JSON. */
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined | null>;
};

function networkError() {
  return new ApiError(0, 'network', i18n.t('errors.network'));
}

async function send(path: string, opts: Options, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  if (token) headers['X-CSRF-Token'] = token;
  let body: BodyInit | undefined;
  if (opts.contentType) {
    headers['Content-Type'] = opts.contentType;
    body = opts.body as BodyInit;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  try {
    return await fetch(`${BASE}${path}${qs ? `?${qs}` : ''}`, {
      method: opts.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const b = (await res.json()) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } };
    if (b?.error?.code)
      return new ApiError(res.status, b.error.code, b.error.message ?? '', b.error.details ?? []);
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, 'unknown', i18n.t('errors.unexpected'));
}

/** The CSRF token for writes made outside `api` (tus uploads); `fresh` fetches a new one. */
export const csrfToken = (fresh = false) => (!fresh && csrf) || fetchCsrf();

/** Calls the API. Writes carry the CSRF token; a rejected token is refetched once and the call retried. */
export async function api<T>(path: string, opts: Options = {}): Promise<T> {
  const write = (opts.method ?? 'GET') !== 'GET';
  let token = write ? await (csrf ?? fetchCsrf()).catch(() => Promise.reject(networkError())) : null;
  let res = await send(path, opts, token);
  if (write && res.status === 403) {
    const err = await toError(res.clone());
    if (err.code === 'auth.csrf_invalid') {
      token = await fetchCsrf().catch(() => Promise.reject(networkError()));
      res = await send(path, opts, token);
    }
  }
  if (!res.ok) {
    const err = await toError(res);
    if (err.status === 401 && err.code === 'auth.session_expired') for (const l of expiredListeners) l();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Maps an API error's details (paths like "body.name") to field names ("name"). */
export function fieldErrors(err: unknown, known: string[]): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details) {
    const field = d.path.replace(/^(body|query|querystring|params)\.?/, '');
    if (!known.includes(field) || out[field]) continue;
    // Validation texts from the schema layer are not translated: use our own per-field text.
    out[field] =
      err.code === 'request.invalid'
        ? i18n.t(`errors.field.${field}`, { defaultValue: i18n.t('errors.field.default') })
        : d.message;
  }
  return out;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message || i18n.t('errors.unexpected');
  return i18n.t('errors.unexpected');
}
