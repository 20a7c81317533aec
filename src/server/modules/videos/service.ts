import type { SetupState, Visibility } from '../../../shared/constants.js';
import { type ErrorCode, errorMessage } from '../../../shared/errors.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { type Actor, authorize, can, type VideoResource } from '../../policy/index.js';
import { audit, auditOnce } from '../audit.js';
import { refreshSearchDocuments } from '../search-documents/index.js';
import { accessOf, applyAccess } from './access.js';
import { presentCatalogue } from './catalogue-view.js';
import { allowedVisibility, checkVisibility } from './consent.js';
import * as grants from './grants-repo.js';
import { startProcessing } from './pipeline.js';
import * as repo from './repo.js';
import { signedMediaPrefix } from './signing.js';

/** The policy's view of a video row (any query that selected `repo.policyColumns`). */
export const videoResource = (v: repo.PolicyVideo): VideoResource => ({
  type: 'video',
  id: v.id,
  ownerId: v.ownerId,
  institutionId: v.institutionId,
  kommuneId: v.kommuneId,
  teamId: v.teamId,
  visibility: v.visibility,
  ready: v.status === 'ready',
  editorialState: v.editorialState,
  grantees: v.grantees ?? [],
});

/**
 * What the API shows of a video: media URLs only when ready, signed for this viewer. `mediaUntil`: the viewer
 * watches through a personal share that ends then (issue 19), so the media URLs end then too.
 */
export function presentVideo(
  ctx: AppContext,
  actor: Actor,
  v: repo.VideoDetail,
  locale: 'da' | 'en' = 'da',
  opts: { mediaUntil?: Date | null } = {},
) {
  const media =
    v.status === 'ready'
      ? signedMediaPrefix(ctx.secret, v.id, v.accessVersion, Date.now(), opts.mediaUntil?.getTime())
      : null;
  const isOwner = actor.id === v.ownerId;
  const consent = v.consent?.pupilsAppear === undefined || v.consent.pupilsAppear === null ? null : v.consent;
  return {
    id: v.id,
    title: v.title,
    description: v.description,
    status: v.status,
    visibility: v.visibility,
    teamId: v.teamId,
    institutionId: v.institutionId,
    durationSeconds: v.durationSeconds,
    width: v.width,
    height: v.height,
    progress: v.status === 'processing' ? Math.round((v.progress ?? 0) * 100) : null,
    // Issue 21: plays from its first rendition while the renditions step still works (rungs, poster, sprite).
    renditions:
      v.status === 'ready' && v.stage !== null && v.media
        ? { done: v.media.rungs.map((r) => r.name), coming: v.media.pending ?? [] }
        : null,
    failure: v.failureCode
      ? { code: v.failureCode, message: errorMessage(v.failureCode as ErrorCode, locale) }
      : null,
    owner: { id: v.ownerId, name: v.ownerName },
    createdAt: v.createdAt,
    // While rungs are still coming (issue 21) the address names how many play now: when more arrive it changes,
    // and the player loads the grown master playlist, continuing where it was.
    playlistUrl:
      media && `${media}hls/master.m3u8${v.stage !== null && v.media ? `?r=${v.media.rungs.length}` : ''}`,
    posterUrl: media && v.media?.poster ? `${media}poster.jpg` : null,
    thumbnailsUrl: media && v.media?.sprite ? `${media}thumbnails.vtt` : null,
    // ?v=: the file changes with each save (the editor), the signed prefix does not; a new address skips caches.
    captions: v.captions.map((c) => ({
      ...c,
      url: media && `${media}captions/${c.language}.vtt?v=${c.version}`,
    })),
    chaptersUrl: media && v.chaptersVersion ? `${media}chapters.vtt?v=${v.chaptersVersion}` : null,
    // Only the owner sees the file name, the consent record and what they may change.
    ...(isOwner
      ? {
          originalFilename: v.originalFilename,
          consent,
          widestVisibility: allowedVisibility(consent),
          setup: v.setupState,
        }
      : {}),
    catalogue: presentCatalogue(actor, v, videoResource(v)),
    canEdit: can(actor, 'video.update', videoResource(v)),
    canDelete: can(actor, 'video.delete', videoResource(v)),
    canFeedback: can(actor, 'video.feedback', videoResource(v)),
  };
}

export function createVideoService(ctx: AppContext) {
  const { db, storage } = ctx;

  /** The video, when the actor may `action` it (404 when they may not know it exists, 403 when only not act). */
  async function load(actor: Actor, id: string, action: 'video.read' | 'video.update' | 'video.delete') {
    const v = await repo.getVideo(db, id);
    if (!v) throw new AppError('video.not_found');
    authorize(actor, action, videoResource(v));
    return v;
  }

  /** Removes every file of the video from storage: original, upload bookkeeping, renditions, posters, captions. */
  async function removeFiles(id: string) {
    await storage.deletePrefix(`videos/${id}`);
    await storage.delete(`originals/${id}`);
    await storage.deleteUpload(id);
  }

  /** When the actor watches only through a personal share that ends (issue 19): its end; else null. */
  async function shareEnd(actor: Actor, v: repo.VideoDetail) {
    if (!actor.id || actor.id === v.ownerId || !v.grantees?.includes(actor.id)) return null;
    if (can(actor, 'video.read', { ...videoResource(v), grantees: [] })) return null;
    return (await grants.grantEnd(db, v.id, actor.id)) ?? null;
  }

  return {
    load,
    removeFiles,
    shareEnd,

    async get(actor: Actor, id: string, locale: 'da' | 'en') {
      const v = await load(actor, id, 'video.read');
      // A colleague watching a private recording shared with them (issue 20 part 5): in the owner's own log, once
      // an hour per person and recording.
      if (actor.id && actor.id !== v.ownerId && v.visibility === 'private' && v.grantees?.includes(actor.id))
        await auditOnce(ctx.db, actor, 'video.view_shared', 'video', v.id, {}, 60);
      return presentVideo(ctx, actor, v, locale, { mediaUntil: await shareEnd(actor, v) });
    },

    async update(
      actor: Actor,
      id: string,
      v: { title?: string; description?: string; visibility?: Visibility; teamId?: string | null },
      locale: 'da' | 'en',
    ) {
      const video = await load(actor, id, 'video.update');
      const visibility = v.visibility ?? video.visibility;
      const teamId = v.teamId !== undefined ? v.teamId : video.teamId;
      if (visibility === 'team') {
        if (!teamId) throw new AppError('video.team_required');
        if (
          !(actor.teamIds ?? []).includes(teamId) ||
          !(await repo.teamInInstitution(db, teamId, video.institutionId))
        )
          throw new AppError('video.team_not_yours');
      }
      checkVisibility(video.consent, visibility);
      await db.transaction(async (tx) => {
        const changes = { title: v.title, description: v.description, visibility, teamId };
        await repo.updateVideo(tx, id, changes);
        if (v.title !== undefined || v.description !== undefined) await refreshSearchDocuments(tx, [id]);
        // A narrower visibility ends the share links it no longer allows and every media URL handed out.
        const before = accessOf(video);
        const { sharesEnded } = await applyAccess(tx, id, before, { ...before, visibility, teamId });
        await audit(tx, actor, 'video.update', 'video', id, sharesEnded ? { ...v, sharesEnded } : v);
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
      return presentVideo(ctx, actor, (await repo.getVideo(db, id)) as repo.VideoDetail, locale);
    },

    async remove(actor: Actor, id: string) {
      const v = await load(actor, id, 'video.delete');
      await removeFiles(id);
      await db.transaction(async (tx) => {
        await repo.deleteVideo(tx, id);
        await audit(tx, actor, 'video.delete', 'video', id, { title: v.title, owner: v.ownerId });
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
    },

    /**
     * The owner's walk-through ("Gør videoen klar"): finished or dismissed it goes away (on every device), open
     * brings it back. Only the owner: it changes nothing others see, but it is theirs.
     */
    async setSetup(actor: Actor, id: string, state: SetupState, locale: 'da' | 'en') {
      const video = await load(actor, id, 'video.update');
      if (video.setupState !== state)
        await db.transaction(async (tx) => {
          await repo.updateVideo(tx, id, { setupState: state });
          await audit(tx, actor, 'video.setup', 'video', id, { from: video.setupState, to: state });
        });
      return presentVideo(ctx, actor, (await repo.getVideo(db, id)) as repo.VideoDetail, locale);
    },

    /** Runs the processing again from the start, for a video whose processing failed. */
    async retry(actor: Actor, id: string, locale: 'da' | 'en') {
      const v = await load(actor, id, 'video.update');
      if (v.status !== 'failed') throw new AppError('video.not_failed');
      await startProcessing(ctx, id);
      return presentVideo(ctx, actor, (await repo.getVideo(db, id)) as repo.VideoDetail, locale);
    },
  };
}

export type VideoService = ReturnType<typeof createVideoService>;
