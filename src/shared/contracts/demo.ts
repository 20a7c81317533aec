import { z } from 'zod';

/** Demo mode (README "Demo accounts"): the sign-in page's one-click accounts and the demo media's progress. */

// Answers
export const DemoAccount = z.object({
  email: z.string(),
  name: z.string(),
  role: z.string(),
  /** The kommune or institution the account belongs to; null for instance-wide roles. */
  at: z.string().nullable(),
});
/**
 * The demo accounts with their (published) password — only in demo mode and only to a browser on this machine
 * (the request came over a loopback socket, not through a proxy); otherwise `accounts` is empty.
 */
export const DemoSignIn = z.object({
  accounts: z.array(DemoAccount),
  password: z.string().nullable(),
});
/** How far the demo catalogue's videos are (administrators). `demo` false: not a demo instance, all zero. */
export const DemoMedia = z.object({
  demo: z.boolean(),
  ready: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  done: z.boolean(),
});
