import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/meetings.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { answers, created, fileReply, reply } from '../../../http/schemas.js';
import { MeetingHub } from './live.js';
import { createRunService } from './run.js';
import { createMeetingService, loadMeeting } from './service.js';

/** Team meetings and meeting mode (issue 16, T3). Members of the team only; to anyone else a meeting is a 404. */
export function meetingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const meetings = createMeetingService(ctx);
  const run = createRunService(ctx, meetings);
  return async (app) => {
    const hub = new MeetingHub(ctx);
    app.addHook('preClose', async () => hub.closeAll());
    const tags = ['inquiry'];
    const params = idParams;
    const detail = reply(c.MeetingDetail);

    app.get(
      '/teams/:id/meetings',
      {
        schema: {
          tags,
          description: 'The team’s meetings, the latest first (members only).',
          params,
          querystring: c.MeetingListQuery,
          response: reply(c.MeetingPage),
        },
      },
      async (req) => meetings.list(requireActor(req), req.params.id, req.query),
    );
    app.post(
      '/teams/:id/meetings',
      {
        schema: {
          tags,
          description:
            'Plans a meeting (201): purpose, an agenda under the three leadership moves, optionally about one of the team’s cycles. Roles left out rotate: each goes to the member after the previous meeting’s holder, alphabetically. Role holders must be members (inquiry.not_team_member).',
          params,
          body: c.MeetingCreate,
          response: created(c.MeetingDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await meetings.create(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/meetings/:id',
      {
        schema: {
          tags,
          description:
            'A meeting with its plan, roles, rounds and contributions, decisions and action items.',
          params,
          response: detail,
        },
      },
      async (req) => meetings.detail(requireActor(req), req.params.id),
    );
    app.patch(
      '/meetings/:id',
      {
        schema: {
          tags,
          description:
            'Changes the plan, the roles or the minutes’ notes; `version` must be the meeting’s (else 409 inquiry.stale).',
          params,
          body: c.MeetingUpdate,
          response: detail,
        },
      },
      async (req) => meetings.update(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/meetings/:id/decisions',
      {
        schema: {
          tags,
          description: 'Records a decision.',
          params,
          body: c.DecisionCreate,
          response: created(c.MeetingDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await meetings.decide(requireActor(req), req.params.id, req.body.body)),
    );
    app.post(
      '/meetings/:id/actions',
      {
        schema: {
          tags,
          description:
            'Adds an action item: a task (kind action) of the team and the meeting’s cycle, owned by a member, who is told.',
          params,
          body: c.ActionCreate,
          response: created(c.MeetingDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await meetings.addAction(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/meetings/:id/minutes',
      {
        schema: {
          tags,
          description:
            'The minutes: purpose, roles, agenda, rounds with contributions, decisions, action items, notes.',
          params,
          response: reply(c.Minutes),
        },
      },
      async (req) => meetings.minutes(requireActor(req), req.params.id),
    );

    // Meeting mode
    app.post(
      '/meetings/:id/start',
      { schema: { tags, description: 'Starts the meeting (the facilitator).', params, response: detail } },
      async (req) => run.start(requireActor(req), req.params.id),
    );
    app.post(
      '/meetings/:id/end',
      {
        schema: {
          tags,
          description: 'Ends the meeting and its open round (the facilitator).',
          params,
          response: detail,
        },
      },
      async (req) => run.end(requireActor(req), req.params.id),
    );
    app.post(
      '/meetings/:id/rounds',
      {
        schema: {
          tags,
          description:
            'Starts a round (the facilitator): a prompt, the speakers in order, seconds per turn. The open round ends; a planned meeting starts.',
          params,
          body: c.RoundCreate,
          response: created(c.MeetingDetail),
        },
      },
      async (req, res) =>
        res.status(201).send(await run.startRound(requireActor(req), req.params.id, req.body)),
    );
    app.post(
      '/rounds/:id/next',
      {
        schema: {
          tags,
          description:
            'Gives the word to the next speaker (facilitator or timekeeper); after the last, the round ends.',
          params,
          response: detail,
        },
      },
      async (req) => run.nextTurn(requireActor(req), req.params.id),
    );
    app.post(
      '/rounds/:id/end',
      { schema: { tags, description: 'Ends the round (the facilitator).', params, response: detail } },
      async (req) => run.endRound(requireActor(req), req.params.id),
    );
    app.post(
      '/rounds/:id/contributions',
      {
        schema: {
          tags,
          description:
            'A member’s contribution to the open round (201). The same clientKey again stores nothing and answers the first row (200).',
          params,
          body: c.ContributionCreate,
          response: answers({ 200: c.Contribution, 201: c.Contribution }),
        },
      },
      async (req, res) => {
        const r = await run.contribute(requireActor(req), req.params.id, req.body);
        return res.status(r.created ? 201 : 200).send(r.contribution);
      },
    );
    app.get(
      '/meetings/:id/live',
      {
        schema: {
          tags,
          description:
            'Server-sent events: `state` (the MeetingDetail as JSON) first and after every change; `closed` when the stream ends for good (e.g. the person left the team); heartbeat comments every 15 s.',
          params,
          response: fileReply('text/event-stream', c.LiveStream, 'An event stream'),
        },
      },
      async (req, res) => {
        const actor = requireActor(req);
        const row = await loadMeeting(ctx.db, actor, req.params.id);
        if (!req.sessionId) throw new AppError('auth.required');
        hub.open(res, {
          meetingId: row.meeting.id,
          teamId: row.meeting.teamId,
          userId: actor.id,
          sessionId: req.sessionId,
        });
        return res;
      },
    );
  };
}
