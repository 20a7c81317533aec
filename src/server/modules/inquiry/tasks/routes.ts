import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/inquiry.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, reply } from '../../../http/schemas.js';
import { createTaskService } from './service.js';

/** A cycle's data plan and action items, and "Mine opgaver" (issue 16). */
export function taskRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const tasks = createTaskService(ctx);
  return async (app) => {
    const tags = ['inquiry'];

    app.post(
      '/cycles/:id/tasks',
      {
        schema: {
          tags,
          description:
            'A member of the cycle’s team adds a data-plan line (kind data: which data = title, who collects it = ownerId, by when = dueOn, when the team analyses it = analyseOn) or an action item (kind action). The owner must be a member of the team (409 inquiry.not_team_member) and is told unless they added it themselves; they are reminded remindDays before dueOn. At most 100 per cycle (409 inquiry.too_many_tasks); none in a finished cycle (409 inquiry.finished).',
          params: c.CycleParams,
          body: c.TaskCreate,
          response: created(c.Task),
        },
      },
      async (req, res) =>
        res.status(201).send(await tasks.create(requireActor(req), req.params.id, req.body)),
    );

    app.patch(
      '/tasks/:id',
      {
        schema: {
          tags,
          description:
            'A member of the team edits a task or marks it done (done: true/false). A new owner must be a member and is told; a new owner, due day or reminder lead gets a new reminder.',
          params: idParams,
          body: c.TaskUpdate,
          response: reply(c.Task),
        },
      },
      async (req) => tasks.update(requireActor(req), req.params.id, req.body),
    );

    app.delete(
      '/tasks/:id',
      {
        schema: {
          tags,
          description: 'A member of the team removes a task.',
          params: idParams,
          response: reply(ok),
        },
      },
      async (req) => tasks.remove(requireActor(req), req.params.id),
    );

    app.get(
      '/me/tasks',
      {
        schema: {
          tags,
          description:
            '“Mine opgaver”: the signed-in person’s open tasks in the teams they are a member of now, soonest due first (at most 200), with the team and the cycle.',
          response: reply(c.MyTasks),
        },
      },
      async (req) => tasks.mine(requireActor(req)),
    );
  };
}
