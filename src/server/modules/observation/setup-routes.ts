import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GUIDE_MAX, schemaDefinitionInput } from '../../../shared/observation.js';
import { requireActor } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import * as s from '../../http/schemas.js';
import { createGuideService } from './guide.js';
import { createObservationMeService } from './me.js';
import { createObserverService } from './observers.js';
import { createSchemaService, SCHEMA_VERSIONS_MAX } from './schemas.js';
import { createObservationSettingsService } from './settings.js';

const SCHEMA_VERSION =
  '{ id, institutionId, version, definition: { focusAreas: [{ key, title, description, indicators: [{ key, text, type, scale }], pupilItems: [...] }], pupilCount }, createdAt, createdBy: { id, name } | null }';
const GUIDE =
  '{ institutionId, body, publishedAt | null, updatedAt | null, updatedBy | null, read (the signed-in person confirmed reading the published guide) }';
const observerParams = z.strictObject({ id: s.id, userId: s.id });

/** Observation routes: O1 focus areas and schema versions, O6 visit guide, delegated observers, the group-size setting. */
export function observationSetupRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const schemas = createSchemaService(ctx);
  const guide = createGuideService(ctx);
  const observers = createObserverService(ctx);
  const settings = createObservationSettingsService(ctx);
  const me = createObservationMeService(ctx);

  return async (app) => {
    const tags = ['observation'];
    const response = s.errors;

    app.get(
      '/observation/me',
      {
        schema: {
          tags,
          description:
            'Where the signed-in person takes part in observation: { institutions: [{ id, name, kommuneId, can: { configure, observe, data, self }, schema: { id, version } | null, guide: { published, read } }] (where they hold a role), kommuner: [{ id, name }] (where they are forvaltning) }.',
          response,
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
            'A Danish starter a leader may adopt and edit: { schema (a schema definition input: four learning focus areas with indicators and pupil-interview items), guide (a visit guide template, plain text) }.',
          response,
        },
      },
      async (req) => {
        requireActor(req);
        return schemas.starter();
      },
    );
    app.get(
      '/observation/institutions/:id/schema',
      {
        schema: {
          tags,
          description: `The institution’s learning focus and observation schema, for everyone who sees the institution: { current: ${SCHEMA_VERSION} | null, versions: [{ id, version, createdAt, createdBy }] (newest first, at most ${SCHEMA_VERSIONS_MAX}) }.`,
          params: s.idParams,
          response,
        },
      },
      async (req) => schemas.overview(requireActor(req), req.params.id),
    );
    app.post(
      '/observation/institutions/:id/schema',
      {
        schema: {
          tags,
          description: `Leaders: saves the schema as the next version (versions are never edited). Send items with the key they had to keep it: an item keeps its key only while its text, type and scale are unchanged, so data stays comparable across versions; a new or changed item gets a new key. The same key twice answers observation.duplicate_key. Answers 201 ${SCHEMA_VERSION}.`,
          params: s.idParams,
          body: schemaDefinitionInput,
          response,
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
          description: `One schema version, for everyone who sees its institution (else observation.schema_not_found): ${SCHEMA_VERSION}.`,
          params: s.idParams,
          response,
        },
      },
      async (req) => schemas.get(requireActor(req), req.params.id),
    );

    app.get(
      '/observation/institutions/:id/guide',
      {
        schema: {
          tags,
          description: `The visit guide: leaders see the draft too; everyone else sees it only once published (body '' until then). ${GUIDE}.`,
          params: s.idParams,
          response,
        },
      },
      async (req) => guide.get(requireActor(req), req.params.id),
    );
    app.put(
      '/observation/institutions/:id/guide',
      {
        schema: {
          tags,
          description: `Leaders: saves the visit guide (plain text, at most ${GUIDE_MAX} characters). publish: true publishes it (everyone is asked to read a changed guide again); false keeps it, or takes it back to, a draft. Answers ${GUIDE}.`,
          params: s.idParams,
          body: z.strictObject({ body: z.string().trim().max(GUIDE_MAX), publish: z.boolean() }),
          response,
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
          params: s.idParams,
          response,
        },
      },
      async (req, reply) => {
        await guide.markRead(requireActor(req), req.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/observation/institutions/:id/observers',
      {
        schema: {
          tags,
          description:
            'Leaders and delegated learning guides: who has been delegated classroom visits (leaders observe without being listed): { observers: [{ id, name, since }] } by name.',
          params: s.idParams,
          response,
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
          params: observerParams,
          response,
        },
      },
      async (req, reply) => {
        await observers.grant(requireActor(req), req.params.id, req.params.userId);
        return reply.status(204).send();
      },
    );
    app.delete(
      '/observation/institutions/:id/observers/:userId',
      {
        schema: {
          tags,
          description:
            'Leaders: takes a delegation back (nothing to take back is fine); visits already planned keep their observer. Answers 204.',
          params: observerParams,
          response,
        },
      },
      async (req, reply) => {
        await observers.revoke(requireActor(req), req.params.id, req.params.userId);
        return reply.status(204).send();
      },
    );

    app.get(
      '/observation/institutions/:id/settings',
      {
        schema: {
          tags,
          description:
            'Leaders and those who see the institution’s data: { minGroupSize } (groups of fewer observed teachers are never shown).',
          params: s.idParams,
          response,
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
            'Leaders: sets the minimum group size (3–50: observation.min_group_size below, observation.min_group_size_max above). Answers { minGroupSize }.',
          // The range is checked by the service, with its own error codes.
          body: z.strictObject({ minGroupSize: z.number().int() }),
          params: s.idParams,
          response,
        },
      },
      async (req) => settings.put(requireActor(req), req.params.id, req.body.minGroupSize),
    );
  };
}
