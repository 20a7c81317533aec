import { useQuery } from '@tanstack/react-query';
import type * as c from '../../shared/contracts/coaching-captions';
import type { Wire } from '../../shared/contracts/common';
import { i18n } from '../i18n';
import { ApiError, api } from './client';
import { videoKeys } from './videos';

/** Captions and chapters editors (issue 19 part E). */
export type CueList = Wire<typeof c.CueList>;
export type ChapterList = Wire<typeof c.ChapterList>;

export const captionKeys = {
  cues: (id: string, language: string) => [...videoKeys.one(id), 'cues', language] as const,
  chapters: (id: string) => [...videoKeys.one(id), 'chapters'] as const,
  transcription: ['transcription'] as const,
};

const cuesPath = (id: string, language: string) =>
  `/videos/${id}/captions/${encodeURIComponent(language)}/cues`;

export const fetchCues = (id: string, language: string) => api<CueList>(cuesPath(id, language));
export const useCues = (id: string, language: string) =>
  useQuery({ queryKey: captionKeys.cues(id, language), queryFn: () => fetchCues(id, language) });
export const saveCues = (id: string, language: string, body: Wire<typeof c.CueSave>) =>
  api<CueList>(cuesPath(id, language), { method: 'PUT', body });

export const fetchChapters = (id: string) => api<ChapterList>(`/videos/${id}/chapters`);
export const useChapters = (id: string) =>
  useQuery({ queryKey: captionKeys.chapters(id), queryFn: () => fetchChapters(id) });
export const saveChapters = (id: string, body: Wire<typeof c.ChapterSave>) =>
  api<ChapterList>(`/videos/${id}/chapters`, { method: 'PUT', body });

export const useTranscription = () =>
  useQuery({
    queryKey: captionKeys.transcription,
    queryFn: () => api<Wire<typeof c.TranscriptionStatus>>('/transcription'),
    staleTime: 60_000,
  });
type TranscriptionRun = Wire<typeof c.TranscriptionRun>;
const runPath = (id: string, language: string) => `/videos/${id}/captions/${encodeURIComponent(language)}`;

/**
 * Automatic captions for the video's sound: starts the background run (or finds the one under way) and waits
 * for it, asking every `everyMs`; resolves with the cues (unsaved), rejects with the API's error, or with
 * `transcription.failed` when the recogniser gave nothing usable.
 */
export async function transcribe(id: string, language: string, onWaiting: () => void, everyMs = 2000) {
  let run = await api<TranscriptionRun>(`${runPath(id, language)}/transcribe`, { method: 'POST' });
  if (run.status === 'queued' || run.status === 'running') onWaiting();
  while (run.status === 'queued' || run.status === 'running') {
    await new Promise((r) => setTimeout(r, everyMs));
    run = await api<TranscriptionRun>(`${runPath(id, language)}/transcription`);
  }
  if (run.status === 'failed' || !run.cues)
    throw new ApiError(502, 'transcription.failed', i18n.t('captionEditor.autoFailed'));
  return { cues: run.cues };
}

/** "1:02.5" (or "62.5", "1:02:03.25") in seconds; null when it is not a time. */
export function parseClock(text: string): number | null {
  const m = /^\s*(?:(\d+):)?(?:(\d+):)?(\d+(?:[.,]\d{1,3})?)\s*$/.exec(text);
  if (!m) return null;
  const parts = [m[1], m[2]].filter((p) => p !== undefined).map(Number);
  const s = Number(m[3].replace(',', '.'));
  if (parts.length && s >= 60) return null;
  const [h, min] = parts.length === 2 ? parts : [0, parts[0] ?? 0];
  return h * 3600 + min * 60 + s;
}

/** Seconds as "1:02.5" (milliseconds kept, trailing zeros dropped; hours when needed). */
export function formatClock(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const [whole, frac] = s.toFixed(3).split('.');
  const ss = `${whole.padStart(2, '0')}.${frac.replace(/0{1,2}$/, '')}`;
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
