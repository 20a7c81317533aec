import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/demo.js';
import { requireActor } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { reply } from '../http/schemas.js';
import { authorize } from '../policy/index.js';
import { DEMO_PASSWORD } from './constants.js';
import { DEMO_ACCOUNTS } from './organisation.js';
import { demoMediaProgress, fromThisMachine } from './progress.js';

/** Demo mode's two routes: the sign-in page's account list (this machine only) and the media progress. */
export function demoRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['demo'];
    app.get(
      '/demo/accounts',
      {
        schema: {
          tags,
          description:
            'The demo accounts and their published password for a one-click sign-in: only in demo mode and only to a request whose socket is on a loopback address at both ends, without proxy headers. Empty otherwise.',
          response: reply(c.DemoSignIn),
        },
      },
      async (req) =>
        ctx.config.demo && fromThisMachine(req)
          ? {
              accounts: DEMO_ACCOUNTS.map((a) => ({
                email: a.email,
                name: a.name,
                role: a.role,
                at: a.at ?? null,
              })),
              password: DEMO_PASSWORD,
            }
          : { accounts: [], password: null },
    );
    app.get(
      '/demo/media',
      {
        schema: {
          tags,
          description: "How many of the demo catalogue's videos are ready (administrators).",
          response: reply(c.DemoMedia),
        },
      },
      async (req) => {
        authorize(requireActor(req), 'demo.status', { type: 'instance' });
        if (!ctx.config.demo) return { demo: false, ready: 0, failed: 0, total: 0, done: true };
        return { demo: true, ...(await demoMediaProgress(ctx.db)) };
      },
    );
  };
}
