import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/inquiry.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, reply } from '../../../http/schemas.js';
import { createCycleService } from './service.js';

/** Inquiry cycles (issue 16, T2): start one from a template, read, change, reflect, start the next loop. */
export function cycleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const cycles = createCycleService(ctx);
  return async (app) => {
    const tags = ['inquiry'];
    const params = c.CycleParams;
    const detail = reply(c.CycleDetail);
    app.post(
      '/teams/:id/cycles',
      {
        schema: {
          tags,
          description:
            "Members: starts a cycle from a template offered to the team (built-in or the team's kommune's, for its institution kind; else inquiry.template_not_found). The template's phases are kept with the cycle; it is loop 1 of its own series, in 'foer', not shared with leaders. Answers 201 with the cycle.",
          params: idParams,
          body: c.CycleCreate,
          response: created(c.CycleDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await cycles.create(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/cycles/:id',
      {
        schema: {
          tags,
          description:
            "A cycle: its team's members read and write it; the institution's leaders read it while the team shares it with leadership; anyone else gets inquiry.cycle_not_found. With the series' loops (oldest first), members, tasks, evidence (a linked visit or video the reader may not see: `available: false`, without its title) and reflections.",
          params,
          response: detail,
        },
      },
      async (req) => cycles.get(requireActor(req), req.params.id),
    );
    app.patch(
      '/cycles/:id',
      {
        schema: {
          tags,
          description:
            "Members: changes the title, question, state (foer, under, efter, afsluttet — forward and back), answers or the sharing with leaders. `version` is the one the editor started from: when someone saved meanwhile the answer is 409 inquiry.stale, whose `details` hold the current values, one entry per field with the value as `message` (`version`, `title`, `question`, `state`, `sharedWithLeaders`, `updatedAt`, and `content.<phase>.<field>` per answer). `content` is merged answer by answer ('' clears one); a phase or field key the cycle does not have, or a date field that is not a real day, is 400 inquiry.invalid_content. A finished cycle is read-only (409 inquiry.finished) except for the sharing switch and reopening it while no next loop has started.",
          params,
          body: c.CycleUpdate,
          response: detail,
        },
      },
      async (req) => cycles.update(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/cycles/:id/next-loop',
      {
        schema: {
          tags,
          description:
            "Members: starts the next loop of the series from its latest loop (from an earlier loop, or when someone just started it: 409 inquiry.stale). The latest loop is finished; the new one starts in 'foer' with the same phases, title and question, and the open lines of the data plan carried over as new tasks (owners kept while still members; dates start afresh). Not shared with leaders until the team says so. Answers 201 with the new loop.",
          params,
          response: created(c.CycleDetail),
        },
      },
      async (req, res) => res.status(201).send(await cycles.nextLoop(requireActor(req), req.params.id)),
    );
    app.put(
      '/cycles/:id/reflection',
      {
        schema: {
          tags,
          description:
            "Members: the signed-in member's own reflection on the cycle ('' removes it). Not on a finished cycle (inquiry.finished).",
          params,
          body: c.ReflectionPut,
          response: reply(c.Reflection),
        },
      },
      async (req) => cycles.reflect(requireActor(req), req.params.id, req.body.body),
    );
  };
}
