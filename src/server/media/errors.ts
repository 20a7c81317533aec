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

/** User-facing messages, Danish first. `detail` on the error is for logs only and never shown. */
export const mediaErrorMessages: Record<MediaErrorCode, { da: string; en: string }> = {
  'video.empty_file': { da: 'Filen er tom.', en: 'The file is empty.' },
  'video.not_a_video': {
    da: 'Filen er ikke en video.',
    en: 'The file is not a video.',
  },
  'video.unreadable': {
    da: 'Videoen kan ikke læses. Filen er måske beskadiget eller kun delvist uploadet.',
    en: 'The video cannot be read. The file may be damaged or only partly uploaded.',
  },
  'video.too_small': {
    da: 'Videoens billede er for lille (mindst 16 × 16 pixel).',
    en: 'The video picture is too small (at least 16 × 16 pixels).',
  },
  'video.too_long': {
    da: 'Videoen er for lang.',
    en: 'The video is too long.',
  },
  'video.transcode_failed': {
    da: 'Videoen kunne ikke behandles. Prøv at uploade den igen, eller kontakt support.',
    en: 'The video could not be processed. Try uploading it again, or contact support.',
  },
};

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
