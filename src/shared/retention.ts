/*
 * Retention (issue 20 part 4): the kinds of data an administrator sets a period for, and their safe defaults.
 * `null` = keep ("behold"): the default where removing is the owner's own decision (the original of an upload —
 * ARCHITECTURE: kept until the owner deletes the video) or cannot be undone for a person (erasing an account).
 */

export const RETENTION_KINDS = [
  'outbox',
  'audit',
  'data_exports',
  'consent_withdrawn_videos',
  'originals',
  'deactivated_accounts',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Days after which an item of the kind is removed (counted as RETENTION_FROM says); null = keep. */
export const RETENTION_DEFAULTS: Record<RetentionKind, number | null> = {
  /** Sent (or kept, or given-up) e-mails: the outbox page is for checking recent mail. */
  outbox: 90,
  /** Two years: long enough to look into a complaint about access a school year later. */
  audit: 730,
  /** A finished "Mine data" ZIP, a day after its download link stopped working. */
  data_exports: 1,
  /** A recording whose guardians withdrew consent (already private at once): the owner has 30 days. */
  consent_withdrawn_videos: 30,
  originals: null,
  deactivated_accounts: null,
};

/** The largest period an administrator can set (100 years); the smallest is one day. */
export const RETENTION_MAX_DAYS = 36500;

/** Kinds shown on the page whose rules live elsewhere (not editable here). */
export const RETENTION_FIXED = ['sessions', 'progression'] as const;
