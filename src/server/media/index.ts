export {
  bundledMedia,
  hasFpsMode,
  type MediaBinaries,
  parseFfmpegVersion,
  resolveMedia,
} from './binaries.js';
export { canCopyClip, cutClip, parseKeyframes, snapStart } from './clip.js';
export {
  assertUploadInputs,
  firstFrameArgs,
  generatedInput,
  hlsArgs,
  isUploadFormat,
  posterArgs,
  posterSize,
  posterTime,
  SEGMENT_SECONDS,
  type SpritePlan,
  spriteArgs,
  spritePlan,
  UPLOAD_FORMATS,
  uploadInput,
} from './commands.js';
export {
  isMediaError,
  MEDIA_ERROR_CODES,
  MediaError,
  type MediaErrorCode,
} from './errors.js';
export {
  avcCodecs,
  canRemux,
  h264Level,
  LADDER,
  planLadder,
  type Rung,
  renditionOrder,
} from './ladder.js';
export { type Bandwidth, masterPlaylist, measureBandwidth, spriteVtt, vttTime } from './playlists.js';
export { type ProbeOptions, parseProbe, probe } from './probe.js';
export type { ProbeResult, Rotation } from './probe-result.js';
export { ffmpegProgress, initialProgress, type ProgressState, progressFraction } from './progress.js';
export {
  doneInPlanOrder,
  type FirstPlayable,
  firstPlayable,
  type RungsResult,
  transcodeRungs,
  writeMaster,
} from './renditions.js';
export {
  ffmpegLimits,
  type HlsResult,
  makePoster,
  makeSprite,
  runFfmpeg,
  type TranscodeOptions,
  transcodeToHls,
} from './run.js';
