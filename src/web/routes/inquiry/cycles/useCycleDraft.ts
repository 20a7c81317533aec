import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../api/client';
import {
  type CycleChange,
  type CycleDetail,
  fetchCycle,
  inquiryKeys,
  updateCycle,
} from '../../../api/inquiry';

/** A piece of the cycle one can edit: `title`, `question`, or `phase/field` for an answer. */
export type DraftKey = string;
export const answerKey = (phase: string, field: string): DraftKey => `${phase}/${field}`;

export function savedValue(cycle: CycleDetail, key: DraftKey): string {
  if (key === 'title') return cycle.title;
  if (key === 'question') return cycle.question;
  const [phase, field] = key.split('/');
  return cycle.content[phase]?.[field] ?? '';
}

type Edit = { value: string; base: string };

/**
 * The person's unsaved edits to a cycle, kept apart from what the server holds. A save names the version the
 * edits started from; a stale one is refused (409 inquiry.stale): then the cycle is fetched afresh, and an
 * answer someone else changed meanwhile is shown beside the person's own (which is kept). Where nobody touched
 * the same answer, the save is made again at once on top of the other's version — nothing is lost either way.
 */
export function useCycleDraft(cycle: CycleDetail) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [edits, setEdits] = useState<Record<DraftKey, Edit>>({});
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [conflicts, setConflicts] = useState<Record<DraftKey, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const dirty = Object.values(edits).some((e) => e.value !== e.base);

  // Leaving the page with unsaved answers asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const value = (key: DraftKey) => edits[key]?.value ?? savedValue(cycle, key);
  const set = (key: DraftKey, v: string) => {
    setSaved(null);
    setEdits((all) => ({ ...all, [key]: { value: v, base: all[key]?.base ?? savedValue(cycle, key) } }));
    setBaseVersion((b) => b ?? cycle.version);
  };

  /** The patch: only what the person changed (the server merges answers one by one). */
  function body(version: number, extra: Partial<CycleChange>): CycleChange {
    const out: CycleChange = { version, ...extra };
    const content: Record<string, Record<string, string>> = {};
    let answers = false;
    for (const [key, e] of Object.entries(edits)) {
      if (e.value === e.base) continue;
      if (key === 'title') out.title = e.value;
      else if (key === 'question') out.question = e.value;
      else {
        const [phase, field] = key.split('/');
        content[phase] = { ...content[phase], [field]: e.value };
        answers = true;
      }
    }
    if (answers) out.content = content;
    return out;
  }

  async function send(on: CycleDetail, version: number, extra: Partial<CycleChange>) {
    const res = await updateCycle(on.id, body(version, extra));
    if (res && typeof res === 'object' && 'phases' in res) qc.setQueryData(inquiryKeys.cycle(on.id), res);
    setEdits({});
    setBaseVersion(null);
    setConflicts({});
    setError(null);
    void qc.invalidateQueries({ queryKey: inquiryKeys.all });
  }

  /** Saves the edits (with `extra`: a state change, the share switch). True when it was saved. */
  async function save(extra: Partial<CycleChange> = {}, savedText?: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await send(cycle, baseVersion ?? cycle.version, extra);
      setSaved(savedText ?? t('inquiry.cycle.saved'));
      return true;
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'inquiry.stale')) {
        setError(errorMessage(err));
        return false;
      }
      const fresh = await fetchCycle(cycle.id).catch(() => null);
      if (!fresh) {
        setError(errorMessage(err));
        return false;
      }
      qc.setQueryData(inquiryKeys.cycle(cycle.id), fresh);
      const clash: Record<DraftKey, string> = {};
      const rebased: Record<DraftKey, Edit> = {};
      for (const [key, e] of Object.entries(edits)) {
        const theirs = savedValue(fresh, key);
        if (theirs !== e.base && theirs !== e.value) clash[key] = theirs;
        rebased[key] = { value: e.value, base: theirs };
      }
      // A state change or the share switch made from an old picture is not repeated blindly.
      const moved =
        (extra.state !== undefined && fresh.state !== cycle.state) ||
        (extra.sharedWithLeaders !== undefined && fresh.sharedWithLeaders !== cycle.sharedWithLeaders);
      setEdits(rebased);
      setBaseVersion(fresh.version);
      if (Object.keys(clash).length === 0 && !moved) {
        try {
          await send(fresh, fresh.version, extra);
          setSaved(savedText ?? t('inquiry.cycle.saved'));
          return true;
        } catch (again) {
          setError(errorMessage(again));
          return false;
        }
      }
      setConflicts(clash);
      setError(err.message || t('inquiry.stale'));
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Takes the other's text for one answer instead of one's own. */
  const takeTheirs = (key: DraftKey) => {
    const theirs = conflicts[key];
    if (theirs === undefined) return;
    set(key, theirs);
    setConflicts(({ [key]: _, ...rest }) => rest);
  };

  return { value, set, save, dirty, busy, error, saved, conflicts, takeTheirs };
}
export type CycleDraft = ReturnType<typeof useCycleDraft>;
