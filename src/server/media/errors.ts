/** Stable codes for everything that can go wrong when probing or transcoding an uploaded video. */
export type MediaErrorCode =
  | 'video.empty_file'
  | 'video.not_a_video'
  | 'video.unreadable'
  | 'video.too_small'
  | 'video.too_long'
  | 'video.transcode_failed';

export const MEDIA_ERROR_CODES: readonly MediaErrorCode[] = [
  'video.empty_file',
  'video.not_a_video',
  'video.unreadable',
  'video.too_small',
  'video.too_long',
  'video.transcode_failed',
];

/** The user-facing messages of these codes are in shared/video-errors.ts, with every other API error. */
export class MediaError extends Error {
  override readonly name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    /** Technical detail for logs (e.g. the last lines of ffmpeg's stderr). Never shown to users. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail.split('\n').at(-1) ?? ''}` : code);
  }
}

export const isMediaError = (e: unknown): e is MediaError => e instanceof MediaError;
