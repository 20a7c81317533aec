import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/progression.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { answers, created, fileReply, reply } from '../../../http/schemas.js';
import { createChildService } from './children.js';
import { createGridService } from './service.js';
import { createStatusService } from './statuses.js';

/** The grid of a group, its children, status writes and the CSV export (issue 17 part 2). */
export function gridRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const grids = createGridService(ctx);
  const children = createChildService(ctx);
  const statuses = createStatusService(ctx);
  return async (app) => {
    const tags = ['progression'];
    const params = idParams;
    const circle =
      "The group's circle only: members of its class team, the institution's leders, ressourcepersoner a leder delegated to it (while they hold the role); anyone else gets 404 (progression.group_not_found / progression.child_not_found), as for an id that does not exist.";

    app.get(
      '/groups/:id/grid',
      {
        schema: {
          tags,
          description: `The grid: every child placed in the group during its school year (with its span in the group), each with all its cells in the year's periods — also those entered in an earlier group after a move (\`groupId\` says where); the group's figures per area and period (counts null below 5 children); full names only for the class team when the institution keeps them; what the reader may do. Written to the audit log. ${circle}`,
          params,
          querystring: c.GridQuery,
          response: reply(c.Grid),
        },
      },
      async (req) => grids.grid(requireActor(req), req.params.id),
    );
    app.post(
      '/groups/:id/children',
      {
        schema: {
          tags,
          description: `Adds a child by the institution's own code (never a CPR number; a code in use at the institution: 409 progression.code_taken) from a day in the group's school year (default today). A full name only when the institution keeps names (else 400 progression.names_off) and only by the class team (403 progression.names_team_only). At most 60 children now. ${circle}`,
          params,
          body: c.ChildCreate,
          response: created(c.ChildAnswer),
        },
      },
      async (req, res) =>
        res.status(201).send(await children.add(requireActor(req), req.params.id, req.body)),
    );
    app.patch(
      '/children/:id',
      {
        schema: {
          tags,
          description: `Changes a child's code or full name (same rules as adding; clearing a name is always allowed). ${circle}`,
          params,
          body: c.ChildUpdate,
          response: reply(c.ChildAnswer),
        },
      },
      async (req) => children.update(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/children/:id/leave',
      {
        schema: {
          tags,
          description: `The child leaves its group on a day (not before it joined); its statuses stay until retention removes them. Not placed any more: 409 progression.not_placed. ${circle}`,
          params,
          body: c.ChildLeave,
          response: reply(c.ChildAnswer),
        },
      },
      async (req) => children.leave(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/children/:id/move',
      {
        schema: {
          tags,
          description:
            "Leders of the institution: moves a child to another active group of the same school year from a day (400 progression.move_invalid otherwise). The old placement ends that day; statuses stay with the group they were entered in, so the old group's figures stay; the new group's grid shows the child's earlier cells too. Answers the new placement.",
          params,
          body: c.ChildMove,
          response: reply(c.ChildAnswer),
        },
      },
      async (req) => children.move(requireActor(req), req.params.id, req.body),
    );
    app.put(
      '/statuses',
      {
        schema: {
          tags,
          description: `Sets (200 with the cell) or clears (status null: 204) one cell. \`version\` is the one the writer started from (0 for a new cell); when someone wrote it meanwhile: 409 progression.stale whose details hold the current cell (version, status, score, note, updatedAt, updatedBy). The area and period must be the institution's (else 404 progression.area_not_found / period_not_found; an archived area 409 progression.area_archived); a new cell's period must be in the group's school year. The group's figures (and those of the child's next cell in the area) are recomputed in the same transaction. ${circle}`,
          body: c.StatusWrite,
          response: answers({ 200: c.Cell, 204: z.null() }),
        },
      },
      async (req, res) => {
        const cell = await statuses.write(requireActor(req), req.body);
        return cell ? res.status(200).send(cell) : res.status(204).send(null);
      },
    );
    app.post(
      '/groups/:id/export',
      {
        schema: {
          tags,
          description: `The grid as a CSV file for Danish Excel (UTF-8 with BOM, semicolon-separated, decimal comma; a cell that looks like a formula starts with an apostrophe): code (and name for the class team when names are kept), the span in the group, then per area and period the status, score and note. Needs a reason (10–500 characters), which is written to the audit log with the export. Served as an attachment progression-<group>-<date>.csv. ${circle}`,
          params,
          body: c.ExportRequest,
          response: fileReply('text/csv', c.GridCsv, 'A CSV file'),
        },
      },
      async (req, res) => {
        const { csv, filename } = await grids.export(requireActor(req), req.params.id, req.body.reason);
        return res
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(csv);
      },
    );
  };
}
