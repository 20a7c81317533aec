import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Evidence, EvidenceCreate } from '../../../../shared/contracts/inquiry.js';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import type { Action, Actor } from '../../../policy/index.js';
import { sniffFileType } from '../../../storage/file-type.js';
import { audit } from '../../audit.js';
import { loadCycle } from '../resource.js';
import * as repo from './repo.js';

/**
 * A cycle's evidence (issue 16, "under"): links to visits, self-observations and videos — each reader sees a link
 * only while the thing's own rules let them (else `available: false`, without its title) —, files (type read from
 * the content), small number tables, pupil/child quotes and notes. The team's members add and remove; whoever may
 * read the cycle (members, leaders when it is shared) reads it and downloads its files.
 */

type EvidenceOut = z.output<typeof Evidence>;

/** Where a team's cycle files are stored: one folder per team, one per cycle in it (removed with them). */
export const teamFilesPrefix = (teamId: string) => `inquiry-files/${teamId}/`;
export const cycleFilesPrefix = (teamId: string, cycleId: string) => `${teamFilesPrefix(teamId)}${cycleId}/`;

export function presentEvidence(r: repo.EvidenceRow): EvidenceOut {
  const available =
    r.kind === 'visit'
      ? !!r.visitId && r.visitVisible
      : r.kind === 'video'
        ? !!r.videoId && r.videoVisible
        : true;
  return {
    id: r.id,
    kind: r.kind,
    // A link the reader may not see says nothing about what it links to.
    title: available ? (r.kind === 'video' ? (r.videoTitle ?? '') : r.title) : '',
    body: available ? r.body : '',
    available,
    visit:
      available && r.kind === 'visit' && r.visitId
        ? { id: r.visitId, kind: r.visitKind ?? 'visit', date: r.visitDate ?? null }
        : null,
    video: available && r.kind === 'video' && r.videoId ? { id: r.videoId, title: r.videoTitle ?? '' } : null,
    file:
      r.kind === 'file' && r.fileName && r.fileType
        ? { name: r.fileName, type: r.fileType, size: r.fileSize ?? 0 }
        : null,
    data: r.kind === 'table' ? (r.data ?? null) : null,
    addedBy: r.addedBy ? { id: r.addedBy, name: r.addedByName ?? '' } : null,
    createdAt: r.createdAt,
  };
}

/**
 * A cycle's evidence as THIS reader may see it (the caller has authorized 'cycle.read'): a linked visit or video
 * the reader may not see now is `available: false` without its title. For the cycle page (cycles/).
 */
export async function listCycleEvidence(db: DbOrTx, actor: Actor, cycleId: string): Promise<EvidenceOut[]> {
  return (await repo.evidenceFor(db, actor, { cycleId })).map(presentEvidence);
}

export function createEvidenceService(ctx: AppContext) {
  const { db, storage } = ctx;

  async function one(dbx: DbOrTx, actor: Actor, id: string) {
    const [row] = await repo.evidenceFor(dbx, actor, { id });
    if (!row) throw new AppError('inquiry.item_not_found');
    return presentEvidence(row);
  }

  /** A piece and its cycle, after `action` on the cycle; one the actor may not know of is item_not_found. */
  async function piece(dbx: DbOrTx, actor: Actor, id: string, action: Action) {
    const p = await repo.getEvidence(dbx, id);
    if (!p) throw new AppError('inquiry.item_not_found');
    try {
      const { cycle } = await loadCycle(dbx, actor, p.cycleId, action);
      return { p, cycle };
    } catch (err) {
      if (err instanceof AppError && err.code === 'inquiry.cycle_not_found')
        throw new AppError('inquiry.item_not_found');
      throw err;
    }
  }

  /**
   * The cycle, for a member adding to it (locked inside a transaction, so the limit holds under concurrent adds);
   * a finished cycle or one at its limit takes nothing more.
   */
  async function writableCycle(dbx: DbOrTx, actor: Actor, cycleId: string, forUpdate = false) {
    const { cycle } = await loadCycle(dbx, actor, cycleId, 'cycle.write', { forUpdate });
    if (cycle.state === 'afsluttet') throw new AppError('inquiry.finished');
    if ((await repo.countEvidence(dbx, cycle.id)) >= INQUIRY_LIMITS.evidencePerCycle)
      throw new AppError('inquiry.too_much_evidence');
    return cycle;
  }

  return {
    /** A member links a visit or video they may see themselves, or adds a table, a quote or a note. */
    async create(actor: Actor, cycleId: string, v: z.output<typeof EvidenceCreate>): Promise<EvidenceOut> {
      const cycle = await writableCycle(db, actor, cycleId);
      if (v.kind === 'visit' && !(await repo.seesVisitById(db, actor, v.visitId)))
        throw new AppError('inquiry.evidence_unavailable');
      if (v.kind === 'video' && !(await repo.seesVideoById(db, actor, v.videoId)))
        throw new AppError('inquiry.evidence_unavailable');
      return db.transaction(async (tx) => {
        await writableCycle(tx, actor, cycle.id, true);
        const id = await repo.insertEvidence(tx, {
          cycleId: cycle.id,
          kind: v.kind,
          title: v.kind === 'table' || v.kind === 'note' ? v.title : '',
          body: v.kind === 'quote' || v.kind === 'note' ? v.body : '',
          visitId: v.kind === 'visit' ? v.visitId : null,
          videoId: v.kind === 'video' ? v.videoId : null,
          data: v.kind === 'table' ? v.data : null,
          addedBy: actor.id,
        });
        await audit(tx, actor, 'inquiry.evidence_add', 'cycle', cycle.id, { evidenceId: id, kind: v.kind });
        return one(tx, actor, id);
      });
    },

    /** A member adds a file: its type is read from its bytes and must agree with its name. */
    async createFile(
      actor: Actor,
      cycleId: string,
      v: { name: string; title: string; bytes: Buffer },
    ): Promise<EvidenceOut> {
      const cycle = await writableCycle(db, actor, cycleId);
      if (v.bytes.length === 0) throw new AppError('inquiry.file_empty');
      if (v.bytes.length > INQUIRY_LIMITS.fileBytes) throw new AppError('inquiry.file_too_large');
      const type = sniffFileType(v.name, v.bytes);
      if (!type) throw new AppError('inquiry.file_type');
      const fileKey = `${cycleFilesPrefix(cycle.teamId, cycle.id)}${randomUUID()}`;
      await storage.putBytes(fileKey, v.bytes, type);
      return db
        .transaction(async (tx) => {
          await writableCycle(tx, actor, cycle.id, true);
          const id = await repo.insertEvidence(tx, {
            cycleId: cycle.id,
            kind: 'file',
            title: v.title,
            fileKey,
            fileName: v.name,
            fileType: type,
            fileSize: v.bytes.length,
            addedBy: actor.id,
          });
          await audit(tx, actor, 'inquiry.evidence_add', 'cycle', cycle.id, { evidenceId: id, kind: 'file' });
          return one(tx, actor, id);
        })
        .catch(async (err) => {
          await storage.delete(fileKey).catch(() => {});
          throw err;
        });
    },

    /** A file's bytes, for whoever may read the cycle (members; leaders when it is shared). */
    async file(actor: Actor, id: string) {
      const { p } = await piece(db, actor, id, 'cycle.read');
      if (!p.fileKey || !p.fileName || !p.fileType) throw new AppError('inquiry.item_not_found');
      return {
        name: p.fileName,
        type: p.fileType,
        size: p.fileSize ?? 0,
        stream: await storage.read(p.fileKey),
      };
    },

    /** The one who added it or any other member removes a piece; its file goes with it. */
    async remove(actor: Actor, id: string) {
      const p = await db.transaction(async (tx) => {
        const { p, cycle } = await piece(tx, actor, id, 'cycle.write');
        await repo.deleteEvidence(tx, id);
        await audit(tx, actor, 'inquiry.evidence_delete', 'cycle', cycle.id, { evidenceId: id });
        return p;
      });
      if (p.fileKey) await storage.delete(p.fileKey).catch(() => {});
      return { ok: true as const };
    },
  };
}
