import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COACHING_LIMITS } from '../../../shared/coaching.js';
import * as c from '../../../shared/contracts/coaching-clips.js';
import { idParams } from '../../../shared/contracts/common.js';
import { VideoDetail } from '../../../shared/contracts/videos.js';
import { requireActor } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { videoConsents, videos } from '../../db/videos-schema.js';
import { AppError } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';
import { created, reply } from '../../http/schemas.js';
import type { Actor } from '../../policy/index.js';
import { audit } from '../audit.js';
import { refreshSearchDocuments } from '../search-documents/index.js';
import { clipFields } from './clip-step.js';
import * as repo from './repo.js';
import { presentVideo, type VideoService } from './service.js';

/*
 * Clips (issue 19, part C). The owner of a recording cuts a piece of it into a video of its own: a new private
 * video row (the owner's, the consent record copied from the source as its starting point, clip_of/clip_start/
 * clip_end set) whose first processing step, `clip`, cuts the piece from the source's stored original with
 * ffmpeg; then it is probed, transcoded and published like an upload. The request only records it: a
 * 45-minute source never keeps a request waiting. The source stays as it is (private, if it was).
 */

/** Half a frame's slack at the end: a player's "current time" can be a hair past the duration ffprobe gave. */
const END_SLACK = 0.05;

/** The clips cut from `sourceId`, newest first. */
function clipsOf(db: DbOrTx, sourceId: string) {
  return db
    .select({
      id: videos.id,
      title: videos.title,
      status: videos.status,
      visibility: videos.visibility,
      start: videos.clipStart,
      end: videos.clipEnd,
      durationSeconds: videos.durationSeconds,
      createdAt: videos.createdAt,
    })
    .from(videos)
    .where(eq(videos.clipOf, sourceId))
    .orderBy(desc(videos.createdAt), desc(videos.id))
    .limit(200);
}

/** The clip's range checked against its source's length: a stable code for each way it can be wrong. */
export function checkRange(start: number, end: number, durationSeconds: number) {
  if (end < start) throw new AppError('clip.end_before_start');
  if (end - start < COACHING_LIMITS.clipMinSeconds) throw new AppError('clip.too_short');
  if (end > durationSeconds + END_SLACK || start >= durationSeconds) throw new AppError('clip.beyond_end');
}

export function createClipService(ctx: AppContext, videosService: VideoService) {
  const { db } = ctx;
  return {
    /** The owner cuts `start`…`end` (seconds) of their own ready video into a new private video. */
    async create(
      actor: Actor,
      id: string,
      body: { title: string; start: number; end: number },
      locale: 'da' | 'en',
    ) {
      const source = await videosService.load(actor, id, 'video.update');
      const duration = source.durationSeconds;
      if (source.status !== 'ready' || duration === null) throw new AppError('clip.original_not_ready');
      const { start, end } = body;
      checkRange(start, end, duration);
      const clipEnd = Math.min(end, duration);
      const clipId = await db.transaction(async (tx) => {
        const row = await repo.insertVideo(tx, {
          ownerId: source.ownerId,
          institutionId: source.institutionId,
          kommuneId: source.kommuneId,
          title: body.title,
          visibility: 'private',
          status: 'processing',
          stage: 'clip',
          progress: 0,
          originalFilename: `klip-${Math.floor(start)}-${Math.ceil(clipEnd)}.mp4`,
          // Until it is cut, the clip counts as its share of the source's bytes.
          originalSize: Math.ceil(((source.originalSize ?? 0) * (clipEnd - start)) / duration),
          clipOf: source.id,
          clipStart: start,
          clipEnd,
        });
        // The source's consent record is the clip's starting point: the same children, the same guardians.
        const consent = source.consent;
        if (consent?.pupilsAppear !== null && consent?.pupilsAppear !== undefined)
          await tx.insert(videoConsents).values({
            videoId: row.id,
            pupilsAppear: consent.pupilsAppear,
            consentLevel: consent.consentLevel,
            collectedBy: consent.collectedBy ?? null,
            collectedOn: consent.collectedOn ?? null,
            withdrawnAt: consent.withdrawnAt,
            recordedBy: actor.id,
          });
        await refreshSearchDocuments(tx, [row.id]);
        await audit(tx, actor, 'video.clip', 'video', row.id, { clipOf: source.id, start, end: clipEnd });
        return row.id;
      });
      await ctx.jobs.send('video.clip', { videoId: clipId }, { key: clipId });
      return presentVideo(ctx, actor, (await repo.getVideo(db, clipId)) as repo.VideoDetail, locale);
    },

    /** For the owner: what this video is a clip of, and the clips cut from it. */
    async overview(actor: Actor, id: string) {
      await videosService.load(actor, id, 'video.update');
      const me = await clipFields(db, id);
      const [source] = me?.clipOf
        ? await db
            .select({ id: videos.id, title: videos.title })
            .from(videos)
            .where(and(eq(videos.id, me.clipOf), eq(videos.ownerId, actor.id)))
        : [];
      return {
        clipOf: source ? { ...source, start: me.start, end: me.end } : null,
        clips: await clipsOf(db, id),
      };
    },
  };
}
type ClipService = ReturnType<typeof createClipService>;

export function clipRoutes(clips: ClipService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['videos'];
    app.post(
      '/videos/:id/clips',
      {
        schema: {
          tags,
          description:
            'The owner cuts a clip (seconds start…end) of their own ready video: a new private video, cut in the background (stream copy from the nearest keyframe for H.264/AAC, re-encoded otherwise) and then processed like an upload. 422 clip.end_before_start | clip.too_short | clip.beyond_end, 409 clip.original_not_ready.',
          params: idParams,
          body: c.ClipCreate,
          response: created(VideoDetail),
        },
      },
      async (req, res) =>
        res
          .status(201)
          .send(await clips.create(requireActor(req), req.params.id, req.body, requestLocale(req))),
    );
    app.get(
      '/videos/:id/clips',
      {
        schema: {
          tags,
          description: "The owner's view: what the video is a clip of, and the clips cut from it.",
          params: idParams,
          response: reply(c.ClipOverview),
        },
      },
      async (req) => clips.overview(requireActor(req), req.params.id),
    );
  };
}
