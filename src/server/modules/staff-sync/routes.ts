import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/staff-sync.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { created, noContent, reply } from '../../http/schemas.js';
import type { StaffSyncService } from './service.js';

/** Administrators' staff sync settings at /organisation/synkronisering (issue 20 part 2). */
export function staffSyncRoutes(sync: StaffSyncService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['staff-sync'];
    app.get(
      '/staff-sync/sources',
      {
        schema: {
          tags,
          description: 'Staff sync sources with their latest run (administrators only).',
          response: reply(c.StaffSyncSourceList),
        },
      },
      async (req) => sync.list(requireActor(req), requestLocale(req)),
    );
    app.post(
      '/staff-sync/sources',
      {
        schema: {
          tags,
          description:
            'Adds a source: a CSV file under STAFF_SYNC_DIR, a CSV at an http(s) URL, or a SCIM client. A SCIM ' +
            "source's bearer token is in this answer once; only its SHA-256 digest is kept.",
          body: c.CreateStaffSyncSource,
          response: created(c.StaffSyncSourceCreated),
        },
      },
      async (req, res) => {
        res.code(201);
        return sync.create(requireActor(req), req.body, requestLocale(req));
      },
    );
    app.patch(
      '/staff-sync/sources/:id',
      {
        schema: {
          tags,
          description: 'Changes a source (name, location, interval, scope, safety brake, enabled).',
          params: idParams,
          body: c.UpdateStaffSyncSource,
          response: reply(c.StaffSyncSource),
        },
      },
      async (req) => sync.update(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
    app.delete(
      '/staff-sync/sources/:id',
      {
        schema: {
          tags,
          description: 'Removes a source and its history. The people it created stay as they are.',
          params: idParams,
          response: noContent(),
        },
      },
      async (req, res) => {
        await sync.remove(requireActor(req), req.params.id);
        return res.code(204).send(null);
      },
    );
    app.post(
      '/staff-sync/sources/:id/token',
      {
        schema: {
          tags,
          description: 'A new SCIM bearer token (the old one stops working at once); shown once.',
          params: idParams,
          response: reply(c.StaffSyncToken),
        },
      },
      async (req) => sync.rotateToken(requireActor(req), req.params.id),
    );
    app.delete(
      '/staff-sync/sources/:id/token',
      {
        schema: {
          tags,
          description: 'Revokes the SCIM bearer token: the client gets 401 until a new token is made.',
          params: idParams,
          response: noContent(),
        },
      },
      async (req, res) => {
        await sync.revokeToken(requireActor(req), req.params.id);
        return res.code(204).send(null);
      },
    );
    app.post(
      '/staff-sync/sources/:id/run',
      {
        schema: {
          tags,
          description:
            'Runs a CSV source now ("Kør nu") and answers the recorded run. confirm=true runs a source the ' +
            'safety brake stopped, deactivating beyond its share this once.',
          params: idParams,
          body: c.RunStaffSync,
          response: reply(c.StaffSyncRun),
        },
      },
      async (req) => sync.run(requireActor(req), req.params.id, req.body ?? {}, requestLocale(req)),
    );
    app.get(
      '/staff-sync/sources/:id/runs',
      {
        schema: {
          tags,
          description: "A source's runs, newest first (at most 50).",
          params: idParams,
          response: reply(c.StaffSyncRunList),
        },
      },
      async (req) => sync.runs(requireActor(req), req.params.id, requestLocale(req)),
    );
  };
}
