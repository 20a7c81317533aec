import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/progression.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, noContent, reply } from '../../../http/schemas.js';
import { myProgression } from './me.js';
import { createSetupService } from './service.js';

/** Progression setup (issue 17 part 2) for an institution's leders, and /progression/me for everyone. */
export function setupRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const setup = createSetupService(ctx);
  return async (app) => {
    const tags = ['progression'];
    const params = idParams;
    const lead =
      "The institution's leders only; an area, period or group of an institution one does not lead answers its not_found code (404).";

    app.get(
      '/me',
      {
        schema: {
          tags,
          description:
            'The groups whose overview I may open (class team, leder of the institution, or delegated ressourceperson), not archived, newest school year first; the institutions whose summary I may read (their staff, forvaltning of the kommune) and whether I set them up; the kommuner whose summary I may read (forvaltning).',
          response: reply(c.MyProgression),
        },
      },
      async (req) => myProgression(ctx.db, requireActor(req)),
    );
    app.get(
      '/institutions/:id/setup',
      {
        schema: {
          tags,
          description: `Leders: the institution's progression settings, areas (the defaults of its kind are created on the first read), periods, groups with their class team, children now and delegates, and the ressourcepersoner one may delegate to. ${lead}`,
          params,
          response: reply(c.ProgressionSetup),
        },
      },
      async (req) => setup.get(requireActor(req), req.params.id),
    );
    app.put(
      '/institutions/:id/settings',
      {
        schema: {
          tags,
          description:
            'Leders: whether full names are kept (turning it off erases every stored full name of the institution’s children at once) and how many months after the school year per-child rows are kept. Answers the setup.',
          params,
          body: c.ProgressionSettingsUpdate,
          response: reply(c.ProgressionSetup),
        },
      },
      async (req) => setup.updateSettings(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/institutions/:id/areas',
      {
        schema: {
          tags,
          description: `Adds an area (last in order; at most 20; a name in use: 409 progression.name_taken). ${lead}`,
          params,
          body: c.AreaCreate,
          response: created(c.Area),
        },
      },
      async (req, res) =>
        res.status(201).send(await setup.createArea(requireActor(req), req.params.id, req.body)),
    );
    app.patch(
      '/areas/:id',
      {
        schema: {
          tags,
          description: `Renames, orders or archives an area (an archived area keeps its data and takes no new statuses). ${lead}`,
          params,
          body: c.AreaUpdate,
          response: reply(c.Area),
        },
      },
      async (req) => setup.updateArea(requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/areas/:id',
      {
        schema: {
          tags,
          description: `Deletes an area nothing is recorded in (else 409 progression.in_use: archive it). ${lead}`,
          params,
          response: noContent(),
        },
      },
      async (req, res) => {
        await setup.deleteArea(requireActor(req), req.params.id);
        return res.status(204).send(null);
      },
    );
    app.post(
      '/institutions/:id/periods',
      {
        schema: {
          tags,
          description: `Adds an assessment period within one school year (1 August – 31 July; else 400 progression.period_dates; at most 12 a year). ${lead}`,
          params,
          body: c.PeriodCreate,
          response: created(c.Period),
        },
      },
      async (req, res) =>
        res.status(201).send(await setup.createPeriod(requireActor(req), req.params.id, req.body)),
    );
    app.patch(
      '/periods/:id',
      {
        schema: {
          tags,
          description: `Renames or re-dates a period; it moves to another school year only while nothing is recorded in it (409 progression.in_use). ${lead}`,
          params,
          body: c.PeriodUpdate,
          response: reply(c.Period),
        },
      },
      async (req) => setup.updatePeriod(requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/periods/:id',
      {
        schema: {
          tags,
          description: `Deletes a period nothing is recorded in (else 409 progression.in_use). ${lead}`,
          params,
          response: noContent(),
        },
      },
      async (req, res) => {
        await setup.deletePeriod(requireActor(req), req.params.id);
        return res.status(204).send(null);
      },
    );
    app.post(
      '/institutions/:id/groups',
      {
        schema: {
          tags,
          description: `Adds a class or group for a school year with its class team (a team of the institution, else 404 progression.team_elsewhere), klassetrin or aldersgruppe. ${lead}`,
          params,
          body: c.GroupCreate,
          response: created(c.Group),
        },
      },
      async (req, res) =>
        res.status(201).send(await setup.createGroup(requireActor(req), req.params.id, req.body)),
    );
    app.patch(
      '/groups/:id',
      {
        schema: {
          tags,
          description: `Renames a group, changes its class team (the old team's members lose access at once), klassetrin or aldersgruppe, or archives it (read-only, kept). ${lead}`,
          params,
          body: c.GroupUpdate,
          response: reply(c.Group),
        },
      },
      async (req) => setup.updateGroup(requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/groups/:id',
      {
        schema: {
          tags,
          description: `Deletes a group that never had children, statuses or conferences (else 409 progression.in_use: archive it). ${lead}`,
          params,
          response: noContent(),
        },
      },
      async (req, res) => {
        await setup.deleteGroup(requireActor(req), req.params.id);
        return res.status(204).send(null);
      },
    );
    app.put(
      '/groups/:id/delegations',
      {
        schema: {
          tags,
          description: `Replaces the ressourcepersoner delegated to the group (they see and enter its statuses while they hold the role). Anyone else: 400 progression.not_delegable. ${lead}`,
          params,
          body: c.DelegationsUpdate,
          response: reply(c.Group),
        },
      },
      async (req) => setup.putDelegations(requireActor(req), req.params.id, req.body),
    );
  };
}
