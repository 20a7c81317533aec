import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { VideoMedia } from '../../db/videos-schema.js';
import {
  doneInPlanOrder,
  type FirstPlayable,
  makePoster,
  makeSprite,
  type ProbeResult,
  planLadder,
  probe,
  type Rung,
  transcodeRungs,
  writeMaster,
} from '../../media/index.js';
import type { Storage } from '../../storage/index.js';
import * as repo from './repo.js';

type Lease = { signal: AbortSignal; progress(f: number): void };

/** The media record of a video whose `done` rungs are stored (issue 21: `pending` names the rest of `plan`). */
export function mediaRecord(
  p: ProbeResult,
  first: Pick<FirstPlayable, 'plan' | 'remuxed'>,
  done: Rung[],
  measured: VideoMedia['measured'],
): VideoMedia {
  const names = new Set(done.map((r) => r.name));
  return {
    rungs: done.map((r) => ({ name: r.name, width: r.width, height: r.height, bandwidth: r.videoBitrate })),
    hasAudio: p.hasAudio,
    remuxed: first.remuxed,
    poster: false,
    sprite: false,
    source: {
      codec: p.videoCodec,
      width: p.width,
      height: p.height,
      rotation: p.rotation,
      formatName: p.formatName,
    },
    pending: first.plan.filter((r) => !names.has(r.name)).map((r) => r.name),
    measured,
  };
}

/** Whether the renditions step has work left: rungs to come, or the poster or sprite not made yet. */
export const renditionsLeft = (m: VideoMedia) => (m.pending?.length ?? 0) > 0 || !m.poster || !m.sprite;

/**
 * Stores files of the work folder `dir` under `videos/<id>/`: segments and pictures first, then rung playlists,
 * master.m3u8 last — a playlist never names a file that is not there yet, and the master only complete rungs.
 */
export async function storeInOrder(
  storage: Storage,
  videoId: string,
  dir: string,
  files: string[],
  lease: { signal: AbortSignal },
  onStored?: (index: number) => void,
) {
  const rank = (f: string) =>
    f.endsWith('master.m3u8') ? 2 : f.endsWith('.m3u8') || f.endsWith('.vtt') ? 1 : 0;
  const ordered = [...files].sort((a, b) => rank(a) - rank(b));
  for (const [i, f] of ordered.entries()) {
    if (lease.signal.aborted) throw new Error('lease lost');
    await storage.putFile(`videos/${videoId}/${f}`, path.join(dir, f));
    onStored?.(i);
  }
}

/**
 * The renditions step on a video that already plays: the poster first (the page shows it at once), then every
 * rung not stored yet in one ffmpeg run, then the sprite. Each part is recorded in `media` when it is stored, so
 * a retry after a crash makes only what is missing; master.m3u8 is replaced (atomically) only once the new
 * rungs' segments and playlists are all stored. False when the lease was lost or the video deleted meanwhile.
 */
export async function makeRenditions(
  ctx: AppContext,
  o: { videoId: string; owner: string; input: string; dir: string; lease: Lease },
): Promise<boolean> {
  const { db, storage } = ctx;
  const { videoId, owner, input, dir, lease } = o;
  const v = await repo.getVideo(db, videoId);
  let media = v?.media;
  if (!media) return true;
  const p = await probe(input);
  const signal = lease.signal;
  const record = async (next: VideoMedia) => {
    media = next;
    return repo.recordStep(db, videoId, owner, { media: next });
  };

  if (!media.poster) {
    await makePoster({ input, out: path.join(dir, 'poster.jpg'), probe: p, signal });
    await storeInOrder(storage, videoId, dir, ['poster.jpg'], lease);
    if (!(await record({ ...media, poster: true }))) return false;
  }

  const plan = planLadder(p, { remuxTop: media.remuxed });
  const doneNames = media.rungs.map((r) => r.name);
  const missing = plan.filter((r) => !doneNames.includes(r.name));
  if (missing.length > 0) {
    const hls = path.join(dir, 'hls');
    const made = await transcodeRungs({
      input,
      outDir: hls,
      probe: p,
      rungs: missing,
      signal,
      onProgress: (f) => lease.progress(f * 0.9),
    });
    const measured = { ...media.measured, ...made.measured };
    const done = doneInPlanOrder(plan, [...doneNames, ...missing.map((r) => r.name)]);
    await writeMaster(hls, done, { hasAudio: p.hasAudio, measured });
    const files = [...made.files, 'master.m3u8'].map((f) => `hls/${f}`);
    await storeInOrder(storage, videoId, dir, files, lease);
    const next = mediaRecord(p, { plan, remuxed: media.remuxed }, done, measured);
    if (!(await record({ ...next, poster: media.poster, sprite: media.sprite }))) return false;
  }

  if (!media.sprite) {
    await makeSprite({ input, outDir: dir, probe: p, signal });
    await storeInOrder(storage, videoId, dir, ['sprite.jpg', 'thumbnails.vtt'], lease);
    if (!(await record({ ...media, sprite: true }))) return false;
  }
  return true;
}
