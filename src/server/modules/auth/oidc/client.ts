import * as oidc from 'openid-client';
import { isLoopbackHost } from '../../../../shared/sso.js';
import { decryptSecret } from '../../../auth/crypto.js';
import { AppError } from '../../../http/errors.js';
import type { ProviderRow } from './repo.js';

/** How long a provider's discovered metadata (and its signing keys' cache) is reused in this process. */
const DISCOVERY_TTL_MS = 10 * 60_000;
/** Seconds any one request to a provider may take before the sign-in is answered "provider unavailable". */
const PROVIDER_TIMEOUT_S = 5;

/**
 * Per process: discovery results by provider and version (its updated_at), so a change made through another
 * process is picked up at the next sign-in (the row is read from the database each time). Only a cache: a
 * missing or stale entry means one more discovery request, never a wrong answer.
 */
const discovered = new Map<string, { config: oidc.Configuration; at: number }>();

/** Issuers must be https; plain http only on this machine (the tests' loopback provider). */
export function checkIssuer(issuer: string) {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new AppError('sso.issuer_insecure');
}

/** The provider's openid-client configuration: discovered (issuer checked), with its client credentials. */
export async function providerConfig(p: ProviderRow, instanceSecret: string): Promise<oidc.Configuration> {
  const key = `${p.id}:${p.updatedAt.getTime()}`;
  const hit = discovered.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const url = checkIssuer(p.issuer);
  const secret = p.clientSecretEnc ? decryptSecret(instanceSecret, p.clientSecretEnc) : null;
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(
      url,
      p.clientId,
      secret ? { client_secret: secret } : undefined,
      secret ? oidc.ClientSecretPost(secret) : oidc.None(),
      {
        execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_S,
      },
    );
  } catch {
    throw new AppError('sso.provider_unavailable');
  }
  config.timeout = PROVIDER_TIMEOUT_S;
  if (discovered.size > 100) discovered.clear();
  discovered.set(key, { config, at: Date.now() });
  return config;
}

/** A failure talking to the provider (network, timeout, 5xx) rather than an answer we refuse. */
export function isUnreachable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 4) return false;
  if (err.cause && isUnreachable(err.cause, depth + 1)) return true;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return true;
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) return true;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 500;
}

export { oidc };
