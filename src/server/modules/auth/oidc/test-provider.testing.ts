import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';
import { OIDC_CALLBACK_PATH } from '../../../../shared/sso.js';

/*
 * A real OpenID Connect provider (oidc-provider) on loopback for the tests, the e2e run and the bench. Its
 * sign-in page is a plain form that takes a user name (one of `accounts`) and grants what the client asked for.
 * `tamper` re-signs the next ID tokens with the provider's own key after changing claims (another audience, an
 * expiry in the past, another nonce): tokens a real provider could send, signed correctly, that must be refused.
 */

export type TestAccount = {
  email?: string;
  email_verified?: boolean;
  name?: string;
  aktoer_gruppe?: string;
  uniid?: string;
};

export type Tamper = { aud?: string; expiredSecondsAgo?: number; nonce?: string } | null;

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  tamper: Tamper;
  /** Plays the browser at the provider: from its authorization URL to the callback URL it sends back. */
  signIn(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
};

function b64(json: unknown) {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

function resign(token: string, key: KeyObject, kid: string, tamper: NonNullable<Tamper>) {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
  if (tamper.aud) payload.aud = tamper.aud;
  if (tamper.nonce) payload.nonce = tamper.nonce;
  if (tamper.expiredSecondsAgo) {
    const now = Math.floor(Date.now() / 1000);
    payload.exp = now - tamper.expiredSecondsAgo;
    payload.iat = payload.exp - 600;
  }
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  return `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
}

const loginPage = (uid: string) => `<!doctype html><html lang="da"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>Testudbyder</title></head>
<body><main><h1>Testudbyder (loopback)</h1>
<form method="post" action="/interaction/${uid}"><label>Brugernavn <input name="login" autocomplete="off"></label>
<button type="submit">Fortsæt</button></form></main></body></html>`;

async function readForm(req: http.IncomingMessage) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** Starts the provider on 127.0.0.1:`port` for a client whose redirect URI is `publicUrl` + the callback path. */
export async function startTestProvider(opts: {
  port: number;
  publicUrl: string;
  accounts?: Record<string, TestAccount>;
}): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const accounts = new Map(Object.entries(opts.accounts ?? {}));
  const state: { tamper: Tamper } = { tamper: null };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'amongi',
        client_secret: 'test-client-secret-0123456789',
        redirect_uris: [`${opts.publicUrl}${OIDC_CALLBACK_PATH}`],
        post_logout_redirect_uris: [`${opts.publicUrl}/log-ind`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      uni: ['aktoer_gruppe', 'uniid'],
    },
    scopes: ['openid', 'email', 'profile', 'uni'],
    pkce: { required: () => true, methods: ['S256'] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Log ud</title></head>
<body><main><h1>Log ud fra testudbyderen?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, log ud</button></main></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const a = accounts.get(id);
      if (!a) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...a }) };
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && state.tamper && body?.id_token)
      body.id_token = resign(body.id_token, privateKey, kid, state.tamper);
  });
  const handle = provider.callback();

  const server = http.createServer(async (req, res) => {
    const m = req.url?.match(/^\/interaction\/([\w-]+)$/);
    if (!m) return handle(req, res);
    try {
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(loginPage(m[1] as string));
      }
      const login = (await readForm(req)).get('login') ?? '';
      const details = await provider.interactionDetails(req, res);
      if (!accounts.has(login)) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(loginPage(details.uid));
      }
      const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });

  async function signIn(authorizationUrl: string, login: string) {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body,
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = (pair ?? '').indexOf('=');
        if (i > 0) jar.set((pair as string).slice(0, i), (pair as string).slice(i + 1));
      }
      await res.arrayBuffer();
      body = undefined;
      const location = res.headers.get('location');
      if (!location) throw new Error(`test provider: no redirect at ${url} (${res.status})`);
      const next = new URL(location, url);
      if (next.origin !== issuer) return next;
      if (/^\/interaction\//.test(next.pathname)) body = new URLSearchParams({ login });
      url = next;
    }
    throw new Error('test provider: too many redirects');
  }

  return {
    issuer,
    clientId: 'amongi',
    clientSecret: 'test-client-secret-0123456789',
    accounts,
    get tamper() {
      return state.tamper;
    },
    set tamper(t: Tamper) {
      state.tamper = t;
    },
    signIn,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
