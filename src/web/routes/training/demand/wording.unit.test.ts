import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import da from '../../../i18n/areas/training.da.json';
import en from '../../../i18n/areas/training.en.json';
import { demandText } from './wording';

/** Issue 15's wording slips: "15 af 12 har bedt om det" and "0 af 0, der bad om træning, er blevet trænet". */

const i18n = i18next.createInstance();
let t: TFunction;
beforeAll(async () => {
  t = await i18n.init({
    lng: 'da',
    resources: { da: { translation: da }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});

describe('demand toward the threshold', () => {
  it('says the threshold is reached instead of "15 af 12"', () => {
    const text = demandText(t, { count: 15, threshold: 12, missing: 0 });
    expect(text).not.toMatch(/15 af 12/);
    expect(text).toBe('15 har bedt om det — grænsen på 12 er nået, så et træningsforløb kan blive til');
    expect(t('training.overview.countReached', { count: 15, threshold: 12 })).toBe(
      '15 — grænsen på 12 er nået',
    );
    expect(t('training.staff.totalReached', { total: 15, threshold: 12 })).toBe(
      '15 i alt — grænsen på 12 er nået',
    );
  });

  it('still says how many are missing below it', () => {
    expect(demandText(t, { count: 7, threshold: 12, missing: 5 })).toBe(
      '7 af 12 har bedt om det — der mangler 5',
    );
  });

  it('in English too', async () => {
    const tEn = i18n.getFixedT('en');
    expect(demandText(tEn, { count: 15, threshold: 12, missing: 0 })).not.toMatch(/15 of 12/);
  });
});

describe('how many were trained', () => {
  it('never "0 af 0" while people ask: no finished course yet, and how many requests wait', () => {
    expect(t('training.overview.notTrainedYet')).not.toMatch(/0 af 0/);
    expect(t('training.overview.asking', { count: 15 })).toBe('15 ønsker om træning er endnu ikke indfriet.');
    expect(t('training.overview.asking', { count: 1 })).toBe('1 ønske om træning er endnu ikke indfriet.');
  });

  it('over finished courses: of those who asked for them, how many took part', () => {
    expect(t('training.overview.trained', { trained: 2, requesters: 3 })).toBe(
      '2 af de 3, der bad om et forløb, som nu er afsluttet, deltog i det.',
    );
  });
});
