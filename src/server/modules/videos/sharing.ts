import { type ShareDuration, type Visibility, widerThan } from '../../../shared/constants.js';
import { randomToken, sha256 } from '../../auth/crypto.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { type Actor, ANONYMOUS, can } from '../../policy/index.js';
import { audit } from '../audit.js';
import { accessOf, applyAccess, shareAllowed, sharesAllowed } from './access.js';
import { allowedVisibility } from './consent.js';
import type { Preview } from './open-graph.js';
import * as repo from './repo.js';
import { presentVideo, type VideoService, videoResource } from './service.js';
import * as shares from './shares-repo.js';

const DAY = 24 * 60 * 60 * 1000;
const LIFETIME: Record<ShareDuration, number | null> = {
  '1d': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  never: null,
};

/** Consent register (I5) and share links (V5): both decide how far beyond its visibility a video reaches. */
export function createSharingService(ctx: AppContext, videos: VideoService) {
  const { db } = ctx;
  type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

  /**
   * After the consent record changed: the visibility comes down to what it allows, and the share links it no
   * longer allows end with every media URL handed out (access.ts `applyAccess`). Whether or not the visibility
   * had to come down: a link needs consent for public showing.
   */
  async function consentChanged(tx: Tx, v: repo.VideoDetail, widest: Visibility) {
    const visibility = widerThan(v.visibility, widest) ? widest : v.visibility;
    if (visibility !== v.visibility) await repo.updateVideo(tx, v.id, { visibility });
    return applyAccess(tx, v.id, accessOf(v), { visibility, teamId: v.teamId, consentAllows: widest });
  }

  /** The video of an open share link, while its video's visibility and consent still allow the link. */
  async function sharedVideo(token: string) {
    const share = token.length <= 64 ? await shares.openShare(db, sha256(token)) : undefined;
    const v = share ? await repo.getVideo(db, share.videoId) : undefined;
    // The links a narrowing ended are revoked in its transaction; this also holds for any other way a row changed.
    return v && shareAllowed(sharesAllowed(accessOf(v)), share?.expiresAt ?? null) ? v : undefined;
  }

  /** The link preview of a share page or a public video page; null when the page shows nothing to strangers. */
  async function preview(pagePath: string): Promise<Preview | null> {
    const m = /^\/(?:del\/([A-Za-z0-9_-]{1,64})|videoer\/([0-9a-f-]{36}))$/.exec(pagePath);
    if (!m) return null;
    // A share link opens its video to anyone holding it; a video page only to strangers when it is public.
    const v = m[1] ? await sharedVideo(m[1]) : await repo.getVideo(db, m[2]);
    if (v?.status !== 'ready' || (m[2] && !can(ANONYMOUS, 'video.read', videoResource(v)))) return null;
    const view = presentVideo(ctx, ANONYMOUS, v);
    return {
      title: view.title,
      description: view.description || 'En praksisvideo fra Amongi – lær af og med hinanden.',
      image: view.posterUrl && ctx.config.publicUrl + view.posterUrl,
      url: ctx.config.publicUrl + pagePath,
    };
  }

  return {
    preview,

    async setConsent(
      actor: Actor,
      id: string,
      c: {
        pupilsAppear: boolean;
        consentLevel?: Visibility | null;
        collectedBy?: string;
        collectedOn?: string;
      },
      locale: 'da' | 'en',
    ) {
      const v = await videos.load(actor, id, 'video.update');
      const record = {
        pupilsAppear: c.pupilsAppear,
        consentLevel: c.pupilsAppear ? (c.consentLevel ?? 'private') : null,
        collectedBy: c.pupilsAppear ? (c.collectedBy ?? null) : null,
        collectedOn: c.pupilsAppear ? (c.collectedOn ?? null) : null,
        withdrawnAt: null,
      };
      const widest = allowedVisibility(record);
      await db.transaction(async (tx) => {
        await shares.upsertConsent(tx, id, { ...record, recordedBy: actor.id });
        const { sharesEnded, grantsEnded } = await consentChanged(tx, v, widest);
        await audit(tx, actor, 'video.consent.set', 'video', id, { ...record, sharesEnded, grantsEnded });
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
      return presentVideo(ctx, actor, (await repo.getVideo(db, id)) as repo.VideoDetail, locale);
    },

    /** Guardians withdrew consent: from this moment only the owner sees the video, and share links stop. */
    async withdrawConsent(actor: Actor, id: string, locale: 'da' | 'en') {
      const v = await videos.load(actor, id, 'video.update');
      await db.transaction(async (tx) => {
        await shares.withdrawConsent(tx, id, actor.id);
        const { sharesEnded, grantsEnded } = await consentChanged(tx, v, 'private');
        await audit(tx, actor, 'video.consent.withdraw', 'video', id, {
          visibilityBefore: v.visibility,
          sharesEnded,
          grantsEnded,
        });
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
      return presentVideo(ctx, actor, (await repo.getVideo(db, id)) as repo.VideoDetail, locale);
    },

    async listShares(actor: Actor, id: string) {
      await videos.load(actor, id, 'video.update');
      return { items: await shares.listShares(db, id) };
    },

    /**
     * A link anyone can open, as far as `sharesAllowed` lets it: consent for public showing (or no pupils in the
     * video), a video that is not private, and public for a link that never expires.
     */
    async createShare(actor: Actor, id: string, duration: ShareDuration) {
      const v = await videos.load(actor, id, 'video.update');
      if (v.status !== 'ready') throw new AppError('video.not_ready');
      if (allowedVisibility(v.consent) !== 'public') throw new AppError('video.visibility_exceeds_consent');
      const allowed = sharesAllowed(accessOf(v));
      if (duration === 'never' && allowed !== 'all') throw new AppError('share.never_requires_public');
      if (allowed === 'none') throw new AppError('share.private_video');
      const token = randomToken(24);
      const lifetime = LIFETIME[duration];
      const expiresAt = lifetime === null ? null : new Date(Date.now() + lifetime);
      const share = await db.transaction(async (tx) => {
        const s = await shares.insertShare(tx, {
          videoId: id,
          tokenHash: sha256(token),
          createdBy: actor.id,
          expiresAt,
        });
        await audit(tx, actor, 'video.share.create', 'video', id, { shareId: s.id, duration });
        return s;
      });
      return { id: share.id, url: `${ctx.config.publicUrl}/del/${token}`, expiresAt };
    },

    async revokeShare(actor: Actor, id: string, shareId: string) {
      await videos.load(actor, id, 'video.update');
      await db.transaction(async (tx) => {
        if (!(await shares.revokeShare(tx, id, shareId))) throw new AppError('share.not_found');
        await repo.bumpAccess(tx, id);
        await audit(tx, actor, 'video.share.revoke', 'video', id, { shareId });
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
    },

    /** The video behind a share link, for anyone holding the link; 404 once it expired or was revoked. */
    async shared(token: string, locale: 'da' | 'en') {
      const v = await sharedVideo(token);
      if (v?.status !== 'ready') throw new AppError('share.not_found');
      const view = presentVideo(ctx, ANONYMOUS, v, locale);
      return {
        id: view.id,
        title: view.title,
        description: view.description,
        durationSeconds: view.durationSeconds,
        width: view.width,
        height: view.height,
        playlistUrl: view.playlistUrl,
        posterUrl: view.posterUrl,
        thumbnailsUrl: view.thumbnailsUrl,
        captions: view.captions,
      };
    },
  };
}

export type SharingService = ReturnType<typeof createSharingService>;
