import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { baseUrl } from './browser.js';

/** Helpers of training.e2e.test.ts: API sessions for setup, and the e-mails the SMTP sink received. */

export type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };
export type Mail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/** A signed-in API session (a browser context of its own, so it holds its own cookies), for setup and checks. */
export async function apiAs(browser: Browser, account: string) {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const r = context.request;
  const token = ((await (await r.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
  const headers = { 'X-CSRF-Token': token };
  const login = await r.post('/api/v1/auth/login', {
    headers,
    data: { email: `${account}@demo.amongi.dk`, password: 'demo1234' },
  });
  if (login.status() !== 200) throw new Error(`login ${account}: ${login.status()} ${await login.text()}`);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, data?: unknown) => {
    const res = await r.fetch(`/api/v1${url}`, { method, headers, data: data as never });
    const text = await res.text();
    return { status: res.status(), json: (text ? JSON.parse(text) : {}) as Json, text };
  };
  return { context, call, close: () => context.close() };
}

/** The e-mails the SMTP sink has received so far (global-setup.ts writes each as a file). */
export function readMails(): Mail[] {
  const dir = inject('mailDir');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Mail);
}

/** Waits (the mail worker sends every few seconds) for an e-mail to `to` that `match` accepts. */
export async function waitForMail(to: string, match: (m: Mail) => boolean, ms = 45_000): Promise<Mail> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = readMails().find((m) => m.to.includes(to) && match(m));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  const seen = readMails()
    .filter((m) => m.to.includes(to))
    .map((m) => m.subject);
  throw new Error(`no matching e-mail to ${to} after ${ms} ms (got: ${JSON.stringify(seen)})`);
}
