import { COACHING_LIMITS } from './coaching.js';

/** Errors of clips (issue 19, part C): a piece of the owner's own recording made into a video of its own. */
export const CLIP_ERRORS = {
  'clip.end_before_start': {
    status: 422,
    da: 'Klippets slutning ligger før dets start. Vælg en slutning efter starten.',
    en: 'The clip ends before it starts. Choose an end after the start.',
  },
  'clip.too_short': {
    status: 422,
    da: `Klippet er for kort. Det skal vare mindst ${COACHING_LIMITS.clipMinSeconds} sekund.`,
    en: `The clip is too short. It must last at least ${COACHING_LIMITS.clipMinSeconds} second.`,
  },
  'clip.beyond_end': {
    status: 422,
    da: 'Klippet går ud over videoens slutning. Vælg tider inden for videoens længde.',
    en: 'The clip goes beyond the end of the video. Choose times within its length.',
  },
  'clip.original_not_ready': {
    status: 409,
    da: 'Videoen er ikke færdigbehandlet endnu. Du kan lave klip, når den kan afspilles.',
    en: 'The video has not finished processing. You can make clips once it plays.',
  },
  'clip.source_gone': {
    status: 422,
    da: 'Videoen, klippet skulle laves fra, er slettet.',
    en: 'The video the clip was to be cut from has been deleted.',
  },
} as const;
