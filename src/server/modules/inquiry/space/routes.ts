import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/inquiry.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { reply } from '../../../http/schemas.js';
import { SPACE_LIMITS } from './repo.js';
import { createSpaceService } from './service.js';

/** Team spaces (issue 16, T1): the team page, its agreement, and "my teams". */
export function spaceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const space = createSpaceService(ctx);
  return async (app) => {
    const tags = ['inquiry'];
    app.get(
      '/teams/:id/space',
      {
        schema: {
          tags,
          description: `The team's space, for its members and the institution's leaders (others: team.not_found): members, the agreement, the cycles the reader may read (a leader: those shared with leadership; at most ${SPACE_LIMITS.cycles}, the most recently changed first), the open tasks (members only; a leader sees none; at most ${SPACE_LIMITS.tasks}) and the ready videos shared with the team that the reader may watch (at most ${SPACE_LIMITS.videos}).`,
          params: idParams,
          response: reply(c.TeamSpace),
        },
      },
      async (req) => space.get(requireActor(req), req.params.id),
    );
    app.put(
      '/teams/:id/agreement',
      {
        schema: {
          tags,
          description:
            "Members: saves the team's agreement (samarbejdsaftale). `version` is the one the editor started from (0 before the first save); when someone saved meanwhile the answer is 409 inquiry.stale, and its `details` hold the current agreement, one entry per field with the value as `message`: `version`, `text`, `updatedBy` (a name) and `updatedAt` (ISO) — show the other's change and save again with that version. Answers the saved agreement.",
          params: idParams,
          body: c.AgreementUpdate,
          response: reply(c.TeamSpace.shape.agreement),
        },
      },
      async (req) => space.putAgreement(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/me/teams',
      {
        schema: {
          tags,
          description: `The signed-in person's teams (at most ${SPACE_LIMITS.myTeams}), each with its active (not finished) cycles and open tasks counted.`,
          response: reply(c.MyTeams),
        },
      },
      async (req) => space.myTeams(requireActor(req)),
    );
  };
}
