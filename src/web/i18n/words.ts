import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { listContext, type WordKind, wordContext, wordKind } from '../../shared/vocabulary';
import { useMe } from '../api/people';

/**
 * The words of the institution in view (src/shared/vocabulary.ts has the rule): the kind of `institutionId` as the
 * signed-in person's grants name it (or `known`, when the answer names it), else of the person's first
 * institution, else the school's. `t` passes the
 * kind to i18next as context, so `observation.visit.teacher` reads `observation.visit.teacher_dagtilbud`
 * ("Pædagog") in a dagtilbud and the plain key ("Lærer") in a school. Use it instead of useTranslation wherever a
 * text speaks of pupils, teachers, subjects, grades or lessons.
 */
/** A `t` that speaks an institution's words. */
export type WordsT = (key: string, options?: Record<string, unknown>) => string;

export function useWords(institutionId?: string | null, known?: WordKind) {
  const { t, i18n } = useTranslation();
  const grants = useMe().data?.grants ?? [];
  const grant =
    (institutionId ? grants.find((g) => g.institutionId === institutionId) : undefined) ??
    grants.find((g) => g.institutionType);
  // `known`: the kind an answer already names (the observation data's scope.words), e.g. for forvaltning.
  const kind: WordKind = known ?? wordKind(grant?.institutionType);
  const context = wordContext(kind);
  const wt: WordsT = useCallback((key, options) => t(key, { context, ...options }) as string, [t, context]);
  return { t: wt, kind, i18n };
}

/**
 * The words of a list that may mix schools' and dagtilbud's videos (a search facet, a statistics table), by
 * `listContext`: narrowed to age bands, theirs ("Fag", "Læreplanstema"; both: "Fag / læreplanstema", the keys'
 * `_mixed` variant); else `otherwise` — `'mixed'` across the catalogue or a kommune, or an institution's id for
 * its figures (then the words of that institution, as `useWords` finds them).
 */
export function useListWords(
  ageBands: readonly (string | null | undefined)[],
  otherwise: 'mixed' | { institutionId?: string },
) {
  const { t } = useTranslation();
  const { kind } = useWords(otherwise === 'mixed' ? undefined : otherwise.institutionId);
  const context = listContext(ageBands, otherwise === 'mixed' ? 'mixed' : kind);
  const wt: WordsT = useCallback((key, options) => t(key, { context, ...options }) as string, [t, context]);
  return { t: wt, context };
}
