import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/observation-setup.js';
import { GUIDE_MAX } from '../../../../shared/observation.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, noContent, reply } from '../../../http/schemas.js';
import { createGuideService } from './guide.js';
import { createObservationMeService } from './me.js';
import { createObserverService } from './observers.js';
import { createSchemaService, SCHEMA_VERSIONS_MAX } from './schemas.js';
import { createObservationSettingsService } from './settings.js';

/** Observation routes: O1 focus areas and schema versions, O6 visit guide, delegated observers, the group-size setting. */
export function observationSetupRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const schemas = createSchemaService(ctx);
  const guide = createGuideService(ctx);
  const observers = createObserverService(ctx);
  const settings = createObservationSettingsService(ctx);
  const me = createObservationMeService(ctx);

  return async (app) => {
    const tags = ['observation'];

    app.get(
      '/observation/me',
      {
        schema: {
          tags,
          description:
            'Where the signed-in person takes part in observation: the institutions where they hold a role, with what they may do there, and the kommuner where they are forvaltning.',
          response: reply(c.ObservationMe),
        },
      },
      async (req) => me.me(requireActor(req)),
    );
    app.get(
      '/observation/starter',
      {
        schema: {
          tags,
          description:
            'A Danish starter a leader may adopt and edit: a schema definition (four learning focus areas with indicators and pupil-interview items, no keys yet) and a visit guide template (plain text). `kind`: skole (default), dagtilbud (the learning environment, the six læreplanstemaer, short interviews of the oldest children) or klub.',
          querystring: c.StarterQuery,
          response: reply(c.ObservationStarter),
        },
      },
      async (req) => {
        requireActor(req);
        return schemas.starter(req.query.kind);
      },
    );
    app.get(
      '/observation/institutions/:id/schema',
      {
        schema: {
          tags,
          description: `The institution’s learning focus and observation schema, for everyone who sees the institution: the current version (null before the first) and the versions, newest first, at most ${SCHEMA_VERSIONS_MAX}.`,
          params: idParams,
          response: reply(c.SchemaOverview),
        },
      },
      async (req) => schemas.overview(requireActor(req), req.params.id),
    );
    app.post(
      '/observation/institutions/:id/schema',
      {
        schema: {
          tags,
          description: `Leaders: saves the schema as the next version (versions are never edited). Send items with the key they had to keep it: an item keeps its key only while its text, type and scale are unchanged, so data stays comparable across versions; a new or changed item gets a new key. The same key twice answers observation.duplicate_key. Answers 201 with the new version.`,
          params: idParams,
          body: c.SchemaDefinitionInput,
          response: created(c.SchemaVersion),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await schemas.save(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/observation/schemas/:id',
      {
        schema: {
          tags,
          description: `One schema version, for everyone who sees its institution (else observation.schema_not_found).`,
          params: idParams,
          response: reply(c.SchemaVersion),
        },
      },
      async (req) => schemas.get(requireActor(req), req.params.id),
    );

    app.get(
      '/observation/institutions/:id/guide',
      {
        schema: {
          tags,
          description: `The visit guide: leaders see the draft too; everyone else sees it only once published (body '' until then). 'read': the signed-in person confirmed reading the published guide.`,
          params: idParams,
          response: reply(c.VisitGuide),
        },
      },
      async (req) => guide.get(requireActor(req), req.params.id),
    );
    app.put(
      '/observation/institutions/:id/guide',
      {
        schema: {
          tags,
          description: `Leaders: saves the visit guide (plain text, at most ${GUIDE_MAX} characters). publish: true publishes it (everyone is asked to read a changed guide again); false keeps it, or takes it back to, a draft. Answers the guide.`,
          params: idParams,
          body: c.GuideUpdate,
          response: reply(c.VisitGuide),
        },
      },
      async (req) => guide.put(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/observation/institutions/:id/guide/read',
      {
        schema: {
          tags,
          description:
            'The signed-in person confirms reading the published guide (again is fine); observation.guide_not_published while there is none. Answers 204.',
          params: idParams,
          response: noContent(),
        },
      },
      async (req, reply) => {
        await guide.markRead(requireActor(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/observation/institutions/:id/observers',
      {
        schema: {
          tags,
          description:
            'Leaders and delegated learning guides: who has been delegated classroom visits (leaders observe without being listed), by name.',
          params: idParams,
          response: reply(c.ObserversList),
        },
      },
      async (req) => observers.list(requireActor(req), req.params.id),
    );
    app.put(
      '/observation/institutions/:id/observers/:userId',
      {
        schema: {
          tags,
          description:
            'Leaders: delegates classroom visits to a person who holds a role at the institution (else observation.observer_not_in_institution); again is fine. Answers 204.',
          params: c.ObserverParams,
          response: noContent(),
        },
      },
      async (req, reply) => {
        await observers.grant(requireActor(req), req.params.id, req.params.userId);
        return reply.status(204).send(null);
      },
    );
    app.delete(
      '/observation/institutions/:id/observers/:userId',
      {
        schema: {
          tags,
          description:
            'Leaders: takes a delegation back (nothing to take back is fine); visits already planned keep their observer. Answers 204.',
          params: c.ObserverParams,
          response: noContent(),
        },
      },
      async (req, reply) => {
        await observers.revoke(requireActor(req), req.params.id, req.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/observation/institutions/:id/settings',
      {
        schema: {
          tags,
          description:
            'Leaders and those who see the institution’s data: the minimum group size (groups of fewer observed teachers are never shown).',
          params: idParams,
          response: reply(c.ObservationSettings),
        },
      },
      async (req) => settings.get(requireActor(req), req.params.id),
    );
    app.put(
      '/observation/institutions/:id/settings',
      {
        schema: {
          tags,
          description:
            'Leaders: sets the minimum group size (3–50: observation.min_group_size below, observation.min_group_size_max above).',
          body: c.SettingsUpdate,
          params: idParams,
          response: reply(c.ObservationSettings),
        },
      },
      async (req) => settings.put(requireActor(req), req.params.id, req.body.minGroupSize),
    );
  };
}
