import type { AgeBand, EditorialState, Pillar } from '../../../shared/catalogue.js';
import type { Visibility } from '../../../shared/constants.js';
import type { AppContext } from '../../context.js';
import { readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, policySql } from '../../policy/index.js';
import { audit } from '../audit.js';
import { refreshSearchDocuments } from '../search-documents/index.js';
import {
  accessOf,
  allowedVisibility,
  applyAccess,
  getVideo,
  presentVideo,
  type VideoDetail,
  videoResource,
} from '../videos/index.js';
import * as repo from './repo.js';

export const MAX_METHODS = 10;

type Locale = 'da' | 'en';
export type MetadataInput = {
  subjectId: string | null;
  ageBand: AgeBand | null;
  methodIds: string[];
  pillars: Pillar[];
};

/** The editorial list's cursor: the last row's update time (PostgreSQL's text, microseconds) and id. */
const encodeCursor = (v: { cursorAt: string; id: string }) => writeCursor([v.cursorAt, v.id]);
function decodeCursor(c: string) {
  const v = readCursor(c);
  const [at, id] = Array.isArray(v) ? v : [];
  if (
    typeof at === 'string' &&
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(at) &&
    typeof id === 'string' &&
    /^[0-9a-f-]{36}$/.test(id)
  )
    return { at, id };
  throw new AppError('request.invalid');
}

/** What the consent register says about showing the video publicly, for the review queue. */
function consentStatus(c: {
  pupilsAppear: boolean | null;
  consentLevel: Visibility | null;
  withdrawnAt: Date | null;
}) {
  const record = c.pupilsAppear === null ? null : { ...c };
  const widest = allowedVisibility(record);
  const state = !record
    ? 'missing'
    : !record.pupilsAppear
      ? 'no_pupils'
      : record.withdrawnAt
        ? 'withdrawn'
        : 'consented';
  return { state, widestVisibility: widest, allowsPublic: widest === 'public' } as const;
}

/**
 * Catalogue metadata (subject, age band, methods, pillars) and the editorial workflow of the public catalogue:
 * none/draft/returned → in_review (the owner submits) → published (an editor publishes, after the consent
 * register allows public) or returned (with a comment); editors may unpublish. Every change is audit-logged.
 */
export function createCatalogueService(ctx: AppContext) {
  const { db } = ctx;

  /** The video for a catalogue action: 404 when the actor may not know it, 403 when they may not act. */
  async function loadFor(actor: Actor, id: string, action: 'video.submit' | 'video.review') {
    const v = await getVideo(db, id);
    if (!v) throw new AppError('video.not_found');
    authorize(actor, action, videoResource(v));
    return v;
  }

  const present = async (actor: Actor, id: string, locale: Locale) =>
    presentVideo(ctx, actor, (await getVideo(db, id)) as VideoDetail, locale);

  /** Runs a workflow step: from one of `from` to `to`, audit-logged; 409 when the state moved meanwhile. */
  async function step(
    actor: Actor,
    v: VideoDetail,
    from: EditorialState[],
    to: EditorialState,
    extra: Parameters<typeof repo.transition>[4],
    details: Record<string, unknown> = {},
  ) {
    if (!from.includes(v.editorialState)) throw new AppError('catalogue.wrong_state');
    await db.transaction(async (tx) => {
      if (!(await repo.transition(tx, v.id, from, to, extra))) throw new AppError('catalogue.wrong_state');
      // Unpublishing narrows public to institution: never-expiring share links end with the media URLs.
      const before = accessOf(v);
      const { sharesEnded } = await applyAccess(tx, v.id, before, {
        ...before,
        visibility: extra?.visibility ?? v.visibility,
      });
      await audit(tx, actor, `catalogue.${to}`, 'video', v.id, {
        from: v.editorialState,
        ...details,
        ...(sharesEnded ? { sharesEnded } : {}),
      });
    });
    ctx.events.publish({ type: 'video.access.changed', videoId: v.id });
  }

  return {
    async setMetadata(actor: Actor, id: string, input: MetadataInput, locale: Locale) {
      const v = await getVideo(db, id);
      if (!v) throw new AppError('video.not_found');
      authorize(actor, 'video.describe', videoResource(v));
      const methodIds = [...new Set(input.methodIds)];
      if (methodIds.length > MAX_METHODS) throw new AppError('catalogue.too_many_methods');
      const pillars = [...new Set(input.pillars)];
      await db.transaction(async (tx) => {
        if (input.subjectId && (await repo.termsOfKind(tx, 'subject', [input.subjectId])).length !== 1)
          throw new AppError('catalogue.unknown_subject');
        if ((await repo.termsOfKind(tx, 'method', methodIds)).length !== methodIds.length)
          throw new AppError('catalogue.unknown_method');
        await repo.setMetadata(tx, id, { ...input, methodIds, pillars });
        await refreshSearchDocuments(tx, [id]);
        await audit(tx, actor, 'catalogue.metadata', 'video', id, {
          subjectId: input.subjectId,
          ageBand: input.ageBand,
          methodIds,
          pillars,
        });
      });
      ctx.events.publish({ type: 'catalogue.changed' });
      return present(actor, id, locale);
    },

    /** The owner (or an editor) asks for the video to be published in the catalogue. */
    async submit(actor: Actor, id: string, locale: Locale) {
      const v = await loadFor(actor, id, 'video.submit');
      if (v.visibility === 'private') throw new AppError('catalogue.private_video');
      if (v.status !== 'ready') throw new AppError('catalogue.not_ready');
      await step(actor, v, ['none', 'draft', 'returned'], 'in_review', {});
      return present(actor, id, locale);
    },

    /** An editor starts a catalogue draft for a video they can see (the owner then fills in and submits). */
    async startDraft(actor: Actor, id: string, locale: Locale) {
      const v = await loadFor(actor, id, 'video.review');
      if (v.visibility === 'private') throw new AppError('catalogue.private_video');
      await step(actor, v, ['none'], 'draft', {});
      return present(actor, id, locale);
    },

    /** An editor publishes a submitted video: it becomes public and curated, if the consent register allows. */
    async publish(actor: Actor, id: string, locale: Locale) {
      const v = await loadFor(actor, id, 'video.review');
      if (v.editorialState !== 'in_review') throw new AppError('catalogue.wrong_state');
      if (v.status !== 'ready') throw new AppError('catalogue.not_ready');
      if (!v.subject || !v.ageBand) throw new AppError('catalogue.metadata_incomplete');
      const consent =
        v.consent?.pupilsAppear === undefined || v.consent.pupilsAppear === null ? null : v.consent;
      if (allowedVisibility(consent) !== 'public') throw new AppError('catalogue.consent_not_public');
      await step(
        actor,
        v,
        ['in_review'],
        'published',
        { visibility: 'public', publishedAt: new Date(), reviewedBy: actor.id, editorialComment: null },
        { visibility: v.visibility },
      );
      return present(actor, id, locale);
    },

    /** An editor sends a submitted video back to the owner with a comment saying what to change. */
    async sendBack(actor: Actor, id: string, comment: string | undefined, locale: Locale) {
      const v = await loadFor(actor, id, 'video.review');
      const text = comment?.trim() ?? '';
      if (!text) throw new AppError('catalogue.comment_required');
      await step(
        actor,
        v,
        ['in_review'],
        'returned',
        { editorialComment: text, reviewedBy: actor.id },
        {
          comment: text,
        },
      );
      return present(actor, id, locale);
    },

    /**
     * An editor takes a published video out of the catalogue: back to the owner (returned, with a comment) or to
     * draft. It no longer needs to be public, so it narrows to its institution (older media links stop working).
     */
    async unpublish(
      actor: Actor,
      id: string,
      body: { to: 'returned' | 'draft'; comment?: string },
      locale: Locale,
    ) {
      const v = await loadFor(actor, id, 'video.review');
      const text = body.comment?.trim() ?? '';
      if (body.to === 'returned' && !text) throw new AppError('catalogue.comment_required');
      await step(
        actor,
        v,
        ['published'],
        body.to,
        {
          publishedAt: null,
          reviewedBy: actor.id,
          editorialComment: text || null,
          ...(v.visibility === 'public' ? { visibility: 'institution' as const } : {}),
        },
        { comment: text || null },
      );
      return present(actor, id, locale);
    },

    /** The editors' list: videos in a workflow state (in review by default), with their consent status. */
    async editorialList(actor: Actor, opts: { state: EditorialState; cursor?: string; limit: number }) {
      authorize(actor, 'video.review', { type: 'instance' });
      const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
      const rows = await repo.editorialList(db, policySql.visibleVideos(actor), opts.state, {
        limit: opts.limit + 1,
        after,
      });
      const items = rows.slice(0, opts.limit);
      const last = items.at(-1);
      return {
        items: items.map(({ consent, cursorAt: _, ...r }) => ({
          ...r,
          consent: consentStatus({
            pupilsAppear: consent?.pupilsAppear ?? null,
            consentLevel: consent?.consentLevel ?? null,
            withdrawnAt: consent?.withdrawnAt ?? null,
          }),
        })),
        nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null,
      };
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
