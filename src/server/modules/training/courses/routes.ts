import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../../shared/contracts/training.js';
import { requireActor } from '../../../auth/session.js';
import { AppError } from '../../../http/errors.js';
import { created, fileReply, reply } from '../../../http/schemas.js';
import type { CourseService } from './service.js';

const icsReply = fileReply('text/calendar', c.IcsFile, 'An iCalendar file');

export function courseRoutes(courses: CourseService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['training'];
    const params = c.CourseParams;
    const course = reply(c.CourseDetail);

    app.get(
      '/training/courses',
      {
        schema: {
          tags,
          description:
            'Training courses and proposals the signed-in person may see, in the order of their life (proposed … documented), newest first; `mine=1`: only those I asked for, am enrolled in, train or planned.',
          querystring: c.CourseListQuery,
          response: reply(c.CoursePage),
        },
      },
      async (req) =>
        courses.list(requireActor(req), {
          state: req.query.state,
          mine: req.query.mine === '1' || req.query.mine === 'true',
          cursor: req.query.cursor,
          limit: req.query.limit,
        }),
    );

    app.get(
      '/training/courses/:id',
      {
        schema: {
          tags,
          description:
            'A course with its sessions, trainers, participating institutions, where the requests came from, the viewer’s own enrolment and what they may do. `requesters` only for those who may see who asked.',
          params,
          response: course,
        },
      },
      async (req) => courses.get(requireActor(req), req.params.id),
    );

    app.put(
      '/training/courses/:id',
      {
        schema: {
          tags,
          description:
            'Title, description, seats, trainers and participating institutions (replaced as a whole). Until the course is completed.',
          params,
          body: c.CourseUpdate,
          response: course,
        },
      },
      async (req) => courses.update(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/training/courses/:id/sessions',
      {
        schema: {
          tags,
          description:
            'Adds a session (not in the past; ends after it starts; a place or an http(s) online link).',
          params,
          body: c.SessionInput,
          response: created(c.CourseDetail),
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await courses.sessions.create(actor, req.params.id, req.body);
        return reply.status(201).send(await courses.get(actor, req.params.id));
      },
    );
    app.put(
      '/training/courses/:id/sessions/:sessionId',
      { schema: { tags, params: c.SessionParams, body: c.SessionInput, response: course } },
      async (req) => {
        const actor = requireActor(req);
        await courses.sessions.update(actor, req.params.id, req.params.sessionId, req.body);
        return courses.get(actor, req.params.id);
      },
    );
    app.delete(
      '/training/courses/:id/sessions/:sessionId',
      { schema: { tags, params: c.SessionParams, response: course } },
      async (req) => {
        const actor = requireActor(req);
        await courses.sessions.remove(actor, req.params.id, req.params.sessionId);
        return courses.get(actor, req.params.id);
      },
    );

    app.post(
      '/training/courses/:id/state',
      {
        schema: {
          tags,
          description:
            'The next step: proposed → planned (needs title, seats, a trainer and a session; invites the requesters) → open → running → completed.',
          params,
          body: c.CourseStateChange,
          response: course,
        },
      },
      async (req) => courses.setState(requireActor(req), req.params.id, req.body.to),
    );

    app.post(
      '/training/courses/:id/enrolment',
      {
        schema: {
          tags,
          description:
            'Enrols the signed-in person, or puts them on the waiting list when the seats are taken. Planned: requesters and participating institutions; open: everyone who sees the course.',
          params,
          response: course,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await courses.enrolment.enrol(actor, req.params.id);
        return courses.get(actor, req.params.id);
      },
    );
    app.delete(
      '/training/courses/:id/enrolment',
      {
        schema: {
          tags,
          description: 'Cancels the signed-in person’s enrolment; the first on the waiting list moves up.',
          params,
          response: course,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await courses.enrolment.cancel(actor, req.params.id);
        return courses.get(actor, req.params.id);
      },
    );
    app.get(
      '/training/courses/:id/participants',
      {
        schema: {
          tags,
          description:
            'Enrolled, then the waiting list in order, then invited and cancelled (those who run it).',
          params,
          response: reply(c.Participants),
        },
      },
      async (req) => courses.enrolment.participants(requireActor(req), req.params.id),
    );

    app.put(
      '/training/courses/:id/documentation',
      {
        schema: {
          tags,
          description:
            'Links the documentation video (processed, shared at least with the institution): completed → documented.',
          params,
          body: c.DocumentationSet,
          response: course,
        },
      },
      async (req) => courses.document(requireActor(req), req.params.id, req.body.videoId),
    );

    app.get(
      '/training/sessions/:id/ics',
      {
        schema: { tags, description: 'One session as an iCalendar (.ics) file.', params, response: icsReply },
      },
      async (req, reply) => {
        const file = await courses.sessions.sessionIcs(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );

    app.get(
      '/training/calendar/:file',
      {
        schema: {
          tags,
          description:
            'The course’s calendar feed (`<token>.ics`, the link on the course page) for calendar apps: no sign-in, the token is the secret.',
          params: c.CalendarFileParams,
          response: icsReply,
        },
      },
      async (req, reply) => {
        const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(req.params.file);
        const feed = m ? await courses.sessions.feed(m[1]) : null;
        if (!feed) throw new AppError('training.course_not_found');
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="traening.ics"')
          .header('cache-control', 'private, max-age=300')
          .header('x-robots-tag', 'noindex')
          .send(feed.body);
      },
    );
  };
}
