/** Errors of captions and chapters (issue 19 part E): the cue editor, chapters, VTT import, transcription. */
export const COACHING_CAPTION_ERRORS = {
  'caption.stale': {
    status: 409,
    da: 'En anden har gemt underteksterne imens. Deres version er hentet herunder; dine ændringer er ikke gemt. Ret dem ind oven på deres, og gem igen.',
    en: 'Someone else saved the captions meanwhile. Their version is loaded below; your changes were not saved. Apply them on top of theirs and save again.',
  },
  'caption.cues_invalid': {
    status: 400,
    da: 'Nogle undertekster har fejl (tider i forkert rækkefølge, overlap, uden for videoen eller tom tekst). Se markeringerne ved teksterne.',
    en: 'Some captions have errors (reversed or overlapping times, beyond the video, or empty text). See the marks next to them.',
  },
  'caption.too_many_cues': {
    status: 400,
    da: 'Der er for mange undertekster. Der kan højst være 5.000 i én fil.',
    en: 'There are too many captions. One file can hold at most 5,000.',
  },
  'caption.too_large': {
    status: 413,
    da: 'Undertekstfilen er for stor. Den må højst fylde 2 MB.',
    en: 'The caption file is too large. It may be at most 2 MB.',
  },
  'chapters.stale': {
    status: 409,
    da: 'En anden har gemt kapitlerne imens. Deres version er hentet herunder; dine ændringer er ikke gemt.',
    en: 'Someone else saved the chapters meanwhile. Their version is loaded below; your changes were not saved.',
  },
  'chapters.invalid': {
    status: 400,
    da: 'Nogle kapitler har fejl (samme starttid to gange, uden for videoen eller uden titel). Se markeringerne.',
    en: 'Some chapters have errors (the same start twice, beyond the video, or no title). See the marks.',
  },
  'chapters.too_many': {
    status: 400,
    da: 'Der er for mange kapitler. Der kan højst være 200.',
    en: 'There are too many chapters. There can be at most 200.',
  },
  'transcription.not_configured': {
    status: 503,
    da: 'Automatiske danske undertekster er ikke slået til her. En driftsansvarlig skal installere en lokal talegenkendelse (f.eks. whisper.cpp med en dansk model) og angive den i TRANSCRIPTION_COMMAND. Indtil da kan du skrive underteksterne selv eller uploade en WebVTT-fil.',
    en: 'Automatic Danish captions are not switched on here. An operator must install a local speech recogniser (such as whisper.cpp with a Danish model) and set TRANSCRIPTION_COMMAND. Until then, write the captions yourself or upload a WebVTT file.',
  },
  'transcription.failed': {
    status: 502,
    da: 'Talegenkendelsen gav ikke et brugbart resultat. Prøv igen, eller skriv underteksterne selv.',
    en: 'The speech recogniser did not give a usable result. Try again, or write the captions yourself.',
  },
  'transcription.not_found': {
    status: 404,
    da: 'Der er ikke bedt om automatiske undertekster på dette sprog endnu.',
    en: 'No automatic captions have been asked for in this language yet.',
  },
  'transcription.no_original': {
    status: 409,
    da: 'Den oprindelige videofil findes ikke længere, så lyden kan ikke genkendes.',
    en: 'The original video file no longer exists, so its sound cannot be recognised.',
  },
} as const satisfies Record<string, { status: number; da: string; en: string }>;
