/**
 * An answer in progress, kept on the person's own device (localStorage) per link or code, so a half-answered form
 * survives a closed tab, a lost network or "Send senere". Nothing of it reaches the server before it is sent; on
 * send it is deleted. The key holds a hash of the token, never the token itself, so the storage does not hold a
 * usable link.
 */

/** A scale answer: 1–5, or 'dk' for "ved ikke". */
export type ScaleAnswer = 1 | 2 | 3 | 4 | 5 | 'dk';

export type Draft = {
  roundId: string;
  values: Record<string, ScaleAnswer>;
  texts: Record<string, string>;
  /** Where the person was (the step index), to open there again. */
  step: number;
  /** When it was last saved on this device (ISO). */
  savedAt: string;
};

/** The part of the Storage API used here (a Map-backed stand-in in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key'> & { length: number };

const PREFIX = 'amongi.survey.draft.';
/** A draft left alone this long is dropped (a round runs a few weeks). */
const MAX_AGE_DAYS = 120;

/** FNV-1a (32 bit) twice with different seeds: a short, stable, non-reversible name for a token. */
export function tokenHash(token: string): string {
  const run = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return run(0x811c9dc5) + run(0x01234567);
}

export const draftKey = (token: string) => PREFIX + tokenHash(token);

const isScale = (v: unknown): v is ScaleAnswer =>
  v === 'dk' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5);

/** The draft for this token and round, or null (none, another round's, unreadable, or storage blocked). */
export function loadDraft(storage: DraftStorage | null, token: string, roundId: string): Draft | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(draftKey(token));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (d.roundId !== roundId || typeof d.values !== 'object' || typeof d.texts !== 'object') return null;
    const values: Record<string, ScaleAnswer> = {};
    for (const [k, v] of Object.entries(d.values ?? {})) if (isScale(v)) values[k] = v;
    const texts: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.texts ?? {})) if (typeof v === 'string') texts[k] = v;
    return {
      roundId,
      values,
      texts,
      step: typeof d.step === 'number' && d.step >= 0 ? Math.floor(d.step) : 0,
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : '',
    };
  } catch {
    return null;
  }
}

/** Saves the draft; false when the device would not keep it (private mode, storage full). */
export function saveDraft(storage: DraftStorage | null, token: string, draft: Draft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(token), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function deleteDraft(storage: DraftStorage | null, token: string) {
  try {
    storage?.removeItem(draftKey(token));
  } catch {
    /* storage blocked */
  }
}

/** Drops drafts older than MAX_AGE_DAYS (the round they belong to has long closed). */
export function purgeOldDrafts(storage: DraftStorage | null, now = new Date()) {
  if (!storage) return;
  const limit = now.getTime() - MAX_AGE_DAYS * 86_400_000;
  try {
    const stale: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      let savedAt = Number.NaN;
      try {
        savedAt = Date.parse(
          (JSON.parse(storage.getItem(key) ?? '{}') as { savedAt?: string }).savedAt ?? '',
        );
      } catch {
        /* unreadable: dropped below */
      }
      if (!(savedAt >= limit)) stale.push(key);
    }
    for (const key of stale) storage.removeItem(key);
  } catch {
    /* storage blocked */
  }
}

/** The browser's localStorage, or null where it is blocked. */
export function deviceStorage(): DraftStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function hasAnswers(draft: Pick<Draft, 'values' | 'texts'>): boolean {
  return Object.keys(draft.values).length > 0 || Object.values(draft.texts).some((t) => t.trim() !== '');
}
