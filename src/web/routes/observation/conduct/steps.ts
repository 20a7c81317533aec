import type { FocusArea, PupilItem } from '../../../../shared/observation';
import type { VisitDetail } from '../../../api/observation';
import type { Draft } from '../../../offline/db';
import { answerKey } from '../../../offline/db';

/** The screens of a visit on a phone: one per focus area, the pupil interview (setup + one per pupil), summary. */
export type Step =
  | { kind: 'area'; area: FocusArea; index: number; total: number }
  | { kind: 'pupils' }
  | { kind: 'pupil'; slot: number; count: number }
  | { kind: 'summary' };

export type PupilQuestion = { area: FocusArea; item: PupilItem };

export function visitAreas(visit: VisitDetail): FocusArea[] {
  const all = visit.schema.definition.focusAreas;
  return visit.focusAreaKeys.length ? all.filter((a) => visit.focusAreaKeys.includes(a.key)) : all;
}

export const pupilQuestions = (areas: FocusArea[]): PupilQuestion[] =>
  areas.flatMap((area) => area.pupilItems.map((item) => ({ area, item })));

export function stepsOf(visit: VisitDetail, draft: Pick<Draft, 'pupilNumbers'>): Step[] {
  const areas = visitAreas(visit);
  const steps: Step[] = areas.map((area, index) => ({ kind: 'area', area, index, total: areas.length }));
  if (pupilQuestions(areas).length) {
    steps.push({ kind: 'pupils' });
    const count = draft.pupilNumbers.length || visit.schema.definition.pupilCount;
    for (let slot = 1; slot <= count; slot++) steps.push({ kind: 'pupil', slot, count });
  }
  steps.push({ kind: 'summary' });
  return steps;
}

const answered = (d: Pick<Draft, 'answers'>, itemKey: string, pupil: number) => {
  const v = d.answers[answerKey(itemKey, pupil)]?.value;
  return v !== undefined && v !== null && v !== '';
};

/** How much of the visit has an answer: per focus area, the pupil interview, and in all. */
export function progressOf(visit: VisitDetail, d: Pick<Draft, 'answers' | 'pupilNumbers'>) {
  const areas = visitAreas(visit);
  const perArea = areas.map((area) => ({
    area,
    total: area.indicators.length,
    done: area.indicators.filter((i) => answered(d, i.key, 0)).length,
  }));
  const questions = pupilQuestions(areas);
  const slots = d.pupilNumbers.map((_, i) => i + 1);
  const pupils = {
    total: questions.length * slots.length,
    done: slots.reduce((n, slot) => n + questions.filter((q) => answered(d, q.item.key, slot)).length, 0),
    asked: questions.length > 0,
  };
  const total = perArea.reduce((n, a) => n + a.total, 0) + pupils.total;
  const done = perArea.reduce((n, a) => n + a.done, 0) + pupils.done;
  return { perArea, pupils, total, done };
}

/** "7, 14 og 22" in the interface language. */
export function listOfNumbers(numbers: number[], locale: string): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'da-DK', { type: 'conjunction' }).format(
    numbers.map(String),
  );
}

/**
 * A finished visit's length in whole minutes — "45 min." (Danish) / "45 min" — not as a clock, which reads as
 * a time of day. Under half a minute: "under 1 min.".
 */
export function minutes(ms: number, locale: string): string {
  const m = Math.round(ms / 60_000);
  const en = locale === 'en';
  if (m < 1) return en ? 'under 1 min' : 'under 1 min.';
  return `${m} ${en ? 'min' : 'min.'}`;
}

/** The running stopwatch: 0:00, 12:03, 1:02:09 */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
