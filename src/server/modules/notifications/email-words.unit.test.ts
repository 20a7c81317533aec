import { describe, expect, it } from 'vitest';
import { notificationSentence } from './email-text.js';

/** A visit's e-mail speaks the words of the visit's institution (payload `words`, src/shared/vocabulary.ts). */

const now = new Date('2026-12-06T10:00:00Z');
const sentence = (
  words: string | null,
  kind: 'observation.visit_planned' | 'observation.visit_recorded',
  locale: 'da' | 'en' = 'da',
) =>
  notificationSentence(
    locale,
    kind,
    { visitId: 'v', plannedFor: '2026-12-14', authorName: 'Lise Frandsen', words },
    now,
  );

describe('visit e-mails in the words of the place', () => {
  it('a pædagog reads of a visit to the learning environment, a teacher of the lesson', () => {
    expect(sentence('dagtilbud', 'observation.visit_planned')).toBe(
      'Lise Frandsen har planlagt et besøg i dit læringsmiljø',
    );
    expect(sentence('skole', 'observation.visit_planned')).toBe(
      'Lise Frandsen har planlagt et besøg i din undervisning',
    );
    expect(sentence('klub', 'observation.visit_recorded')).toMatch(
      /^Lise Frandsen har afsluttet besøget i dit arbejde i klubben — /,
    );
    expect(sentence('dagtilbud', 'observation.visit_recorded', 'en')).toMatch(
      /finished the visit to your learning environment/,
    );
  });

  it('an older notification without words, or an unknown value, reads as a school’s', () => {
    expect(sentence(null, 'observation.visit_planned')).toBe(
      'Lise Frandsen har planlagt et besøg i din undervisning',
    );
    expect(sentence('vuggestue', 'observation.visit_planned')).toContain('din undervisning');
  });
});
