import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { PackageItemKind, PackageVisibility } from '../../../shared/catalogue.js';
import { PACKAGE_COPY_SUFFIX, PACKAGE_MAX_ITEMS, PACKAGE_TITLE_MAX } from '../../../shared/packages.js';
import { cutText, isSafeDate } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { videos } from '../../db/videos-schema.js';
import { readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, can, type PackageResource, policySql } from '../../policy/index.js';
import { ownedPackages, visiblePackages } from '../../policy/sql-packages.js';
import { audit } from '../audit.js';
import { listVideos, presentVideo } from '../videos/index.js';
import * as repo from './repo.js';

export const packageResource = (pkg: repo.PackageRow): PackageResource => ({
  type: 'package',
  id: pkg.id,
  ownerId: pkg.ownerId,
  institutionId: pkg.institutionId,
  kommuneId: pkg.kommuneId,
  visibility: pkg.visibility,
});

/** Where a new package belongs: the owner's first institution, else (forvaltning) their kommune; else nowhere. */
export function ownerScope(a: Actor): { institutionId: string | null; kommuneId: string | null } {
  const inst = a.grants.find((g) => g.institutionId);
  if (inst) return { institutionId: inst.institutionId, kommuneId: inst.kommuneId };
  const komm = a.grants.find((g) => g.role === 'forvaltning' && g.kommuneId);
  return { institutionId: null, kommuneId: komm?.kommuneId ?? null };
}

/** The visibilities a package may have: institution needs an institution, kommune a kommune. */
export function allowedVisibilities(pkg: { institutionId: string | null; kommuneId: string | null }) {
  const out: PackageVisibility[] = ['private'];
  if (pkg.institutionId) out.push('institution');
  if (pkg.kommuneId) out.push('kommune');
  out.push('public');
  return out;
}

function checkVisibility(
  pkg: { institutionId: string | null; kommuneId: string | null },
  v: PackageVisibility,
) {
  if (!allowedVisibilities(pkg).includes(v)) throw new AppError('package.visibility_out_of_scope');
}

/** An item as the editor sends it. `id` names an existing item of the package (to keep its video as it is). */
export type ItemInput =
  | { kind: 'video'; id?: string; videoId?: string; body?: string }
  | { kind: 'text'; title?: string; body: string }
  | { kind: 'question'; body: string };

export type PackageFields = {
  title: string;
  description?: string;
  facilitationGuide?: string;
  visibility?: PackageVisibility;
};

const encodeCursor = (r: { updatedAt: Date; id: string }) => writeCursor([r.updatedAt.toISOString(), r.id]);
function decodeCursor(c: string) {
  try {
    const [at, id] = readCursor(c) as unknown[];
    const updatedAt = new Date(at as string);
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && isSafeDate(updatedAt))
      return { updatedAt, id };
  } catch {
    /* fall through */
  }
  throw new AppError('request.invalid');
}

/** The copy's title: the original's with " (kopi)", shortened so that it still fits. */
export const copyTitle = (title: string) =>
  `${cutText(title, PACKAGE_TITLE_MAX - PACKAGE_COPY_SUFFIX.length).trimEnd()}${PACKAGE_COPY_SUFFIX}`;

export function createPackageService(ctx: AppContext) {
  const { db } = ctx;

  async function load(
    actor: Actor,
    id: string,
    action: 'package.read' | 'package.copy' | 'package.update' | 'package.delete',
  ) {
    const pkg = await repo.getPackage(db, id);
    if (!pkg) throw new AppError('package.not_found');
    authorize(actor, action, packageResource(pkg));
    return pkg;
  }

  function summary(actor: Actor, pkg: repo.PackageRow) {
    const r = packageResource(pkg);
    const canEdit = can(actor, 'package.update', r);
    return {
      id: pkg.id,
      title: pkg.title,
      description: pkg.description,
      visibility: pkg.visibility,
      owner: { id: pkg.ownerId, name: pkg.ownerName },
      itemCount: pkg.itemCount,
      createdAt: pkg.createdAt,
      updatedAt: pkg.updatedAt,
      mine: actor.id === pkg.ownerId,
      canEdit,
      canCopy: can(actor, 'package.copy', r),
      canDelete: can(actor, 'package.delete', r),
    };
  }

  /** The videos among `ids` the viewer may watch, as little as an item needs (signed poster). */
  async function visibleVideos(actor: Actor, ids: string[], locale: 'da' | 'en') {
    if (!ids.length) return new Map<string, ReturnType<typeof itemVideo>>();
    const where = and(inArray(videos.id, ids), policySql.visibleVideos(actor)) as SQL;
    const rows = await listVideos(db, where, { limit: ids.length });
    return new Map(rows.map((v) => [v.id, itemVideo(presentVideo(ctx, actor, v, locale))]));
  }
  const itemVideo = (v: ReturnType<typeof presentVideo>) => ({
    id: v.id,
    title: v.title,
    status: v.status,
    durationSeconds: v.durationSeconds,
    posterUrl: v.posterUrl,
  });

  async function detail(actor: Actor, pkg: repo.PackageRow, locale: 'da' | 'en') {
    const rows = await repo.items(db, pkg.id);
    const videoIds = [...new Set(rows.map((i) => i.videoId).filter((v): v is string => !!v))];
    const seen = await visibleVideos(actor, videoIds, locale);
    const original = pkg.copiedFromId
      ? await repo.visibleTitles(db, [pkg.copiedFromId], visiblePackages(actor))
      : new Map<string, string>();
    const base = summary(actor, pkg);
    return {
      ...base,
      facilitationGuide: pkg.facilitationGuide,
      // A copy names its original only to those who may open it.
      copiedFrom:
        pkg.copiedFromId && original.has(pkg.copiedFromId)
          ? { id: pkg.copiedFromId, title: original.get(pkg.copiedFromId) as string }
          : null,
      visibilities: base.canEdit ? allowedVisibilities(pkg) : undefined,
      items: rows.map((i) => {
        const video = i.kind === 'video' && i.videoId ? (seen.get(i.videoId) ?? null) : null;
        return {
          id: i.id,
          kind: i.kind,
          title: i.title,
          body: i.body,
          video,
          // A video that is gone, or that this viewer may not watch: nothing about it is shown.
          videoUnavailable: i.kind === 'video' && !video,
        };
      }),
    };
  }

  /** Checks and resolves the editor's list: at most 50 items, no empty texts, only videos the editor may watch. */
  async function resolveItems(actor: Actor, list: ItemInput[], existing: repo.ItemRow[]) {
    if (list.length > PACKAGE_MAX_ITEMS) throw new AppError('package.too_many_items');
    const kept = new Map(existing.filter((i) => i.kind === 'video').map((i) => [i.id, i.videoId]));
    const fresh = new Set<string>();
    const out: repo.NewItem[] = list.map((it) => {
      if (it.kind === 'video') {
        const body = (it.body ?? '').trim();
        if (it.videoId) {
          fresh.add(it.videoId);
          return { kind: 'video', videoId: it.videoId, title: '', body };
        }
        if (it.id && kept.has(it.id))
          return { kind: 'video', videoId: kept.get(it.id) ?? null, title: '', body };
        throw new AppError('package.item_invalid');
      }
      const body = it.body.trim();
      if (!body) throw new AppError('package.item_invalid');
      const title = it.kind === 'text' ? (it.title ?? '').trim() : '';
      return { kind: it.kind as PackageItemKind, videoId: null, title, body };
    });
    if (fresh.size) {
      const ids = [...fresh];
      const rows = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(videos)
        .where(and(inArray(videos.id, ids), policySql.visibleVideos(actor)));
      if (rows[0].n !== ids.length) throw new AppError('package.video_unavailable');
    }
    return out;
  }

  async function fresh(actor: Actor, id: string, locale: 'da' | 'en', tx: DbOrTx = db) {
    return detail(actor, (await repo.getPackage(tx, id)) as repo.PackageRow, locale);
  }

  return {
    async list(actor: Actor, opts: { mine?: boolean; q?: string; cursor?: string; limit: number }) {
      const where = opts.mine ? ownedPackages(actor) : visiblePackages(actor);
      const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
      const rows = await repo.listPackages(db, where, { q: opts.q, limit: opts.limit + 1, after });
      const page = rows.slice(0, opts.limit);
      const last = page.at(-1);
      return {
        items: page.map((pkg) => summary(actor, pkg)),
        nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null,
      };
    },

    async get(actor: Actor, id: string, locale: 'da' | 'en') {
      return detail(actor, await load(actor, id, 'package.read'), locale);
    },

    async create(actor: Actor, f: PackageFields & { items?: ItemInput[] }, locale: 'da' | 'en') {
      authorize(actor, 'package.create', { type: 'instance' });
      const scope = ownerScope(actor);
      const visibility = f.visibility ?? 'private';
      checkVisibility(scope, visibility);
      const list = await resolveItems(actor, f.items ?? [], []);
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertPackage(tx, {
          title: f.title,
          description: f.description ?? '',
          facilitationGuide: f.facilitationGuide ?? '',
          ownerId: actor.id,
          ...scope,
          visibility,
        });
        if (list.length) await repo.replaceItems(tx, newId, list);
        return newId;
      });
      return fresh(actor, id, locale);
    },

    async update(actor: Actor, id: string, f: Partial<PackageFields>, locale: 'da' | 'en') {
      const pkg = await load(actor, id, 'package.update');
      if (f.visibility) checkVisibility(pkg, f.visibility);
      await repo.updatePackage(db, id, f);
      return fresh(actor, id, locale);
    },

    /** Replaces the whole ordered item list in one call. */
    async replaceItems(actor: Actor, id: string, list: ItemInput[], locale: 'da' | 'en') {
      await load(actor, id, 'package.update');
      const resolved = await resolveItems(actor, list, await repo.items(db, id));
      await db.transaction((tx) => repo.replaceItems(tx, id, resolved));
      return fresh(actor, id, locale);
    },

    /** A private copy owned by the copier, with every item as it is, to adapt to the local context. */
    async copy(actor: Actor, id: string, locale: 'da' | 'en') {
      const pkg = await load(actor, id, 'package.copy');
      const newId = await db.transaction(async (tx) => {
        const rows = await repo.items(tx, id);
        const copyId = await repo.insertPackage(tx, {
          title: copyTitle(pkg.title),
          description: pkg.description,
          facilitationGuide: pkg.facilitationGuide,
          ownerId: actor.id,
          ...ownerScope(actor),
          visibility: 'private',
          copiedFromId: pkg.id,
        });
        await repo.replaceItems(
          tx,
          copyId,
          rows.map((i) => ({ kind: i.kind, videoId: i.videoId, title: i.title, body: i.body })),
        );
        return copyId;
      });
      return fresh(actor, newId, locale);
    },

    async remove(actor: Actor, id: string) {
      const pkg = await load(actor, id, 'package.delete');
      await db.transaction(async (tx) => {
        await repo.deletePackage(tx, id);
        await audit(tx, actor, 'package.delete', 'package', id, {
          title: pkg.title,
          owner: pkg.ownerId,
          visibility: pkg.visibility,
        });
      });
    },
  };
}

export type PackageService = ReturnType<typeof createPackageService>;
