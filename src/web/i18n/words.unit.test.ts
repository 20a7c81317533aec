import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTITUTION_TYPES } from '../../shared/constants';
import { ageBandKind, listContext, WORD_KINDS, wordContext, wordKind, words } from '../../shared/vocabulary';

/** The vocabulary (src/shared/vocabulary.ts): the web's i18next context and the server's words, per institution type. */

const dir = path.dirname(new URL(import.meta.url).pathname);
type Strings = Record<string, unknown>;
const load = (lang: 'da' | 'en'): Strings =>
  Object.assign(
    {},
    ...['', ...fs.readdirSync(path.join(dir, 'areas'))]
      .filter((f) => f === '' || f.endsWith(`.${lang}.json`))
      .map((f) =>
        JSON.parse(fs.readFileSync(path.join(dir, f === '' ? `${lang}.json` : `areas/${f}`), 'utf8')),
      ),
  );
const keys = (obj: Strings, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Strings, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { da: { translation: load('da') }, en: { translation: load('en') } },
    lng: 'da',
    interpolation: { escapeValue: false },
  });
});
/** What a person at an institution of `type` reads for `key`: the same call useWords makes. */
const as = (type: (typeof INSTITUTION_TYPES)[number], key: string, options: Strings = {}) =>
  i18n.t(key, { context: wordContext(wordKind(type)), ...options }) as string;

describe('words follow the institution type', () => {
  it('maps every institution type to a kind; a fællesskabsfunktion and no place speak the school’s', () => {
    expect(INSTITUTION_TYPES.map(wordKind)).toEqual(['skole', 'dagtilbud', 'klub', 'skole']);
    expect(wordKind(null)).toBe('skole');
    expect(wordContext('skole')).toBeUndefined();
  });

  it('a dagtilbud person reads barn and pædagog, a school person elev and lærer, a klub person unge', () => {
    expect(as('skole', 'observation.visit.teacher')).toBe('Lærer');
    expect(as('dagtilbud', 'observation.visit.teacher')).toBe('Pædagog');
    expect(as('skole', 'observation.pupils.title')).toBe('Elevinterview');
    expect(as('dagtilbud', 'observation.pupils.title')).toBe('Børneinterview');
    expect(as('skole', 'observation.pupils.pupilTitle', { number: 7 })).toBe('Elev nr. 7');
    expect(as('dagtilbud', 'observation.pupils.pupilTitle', { number: 7 })).toBe('Barn nr. 7');
    expect(as('klub', 'observation.pupils.pupilTitle', { number: 7 })).toBe('Ung nr. 7');
    // Plurals and context together.
    expect(as('dagtilbud', 'observationLead.schema.pupils', { count: 3 })).toBe('3 børn');
    expect(as('dagtilbud', 'observationLead.schema.pupils', { count: 1 })).toBe('1 barn');
    expect(as('skole', 'observationLead.schema.pupils', { count: 3 })).toBe('3 elever');
    expect(as('klub', 'observationLead.schema.pupils', { count: 4 })).toBe('4 unge');
  });

  it('læreplanstema and a visit to the learning environment in a dagtilbud; fag and the lesson in a school', () => {
    expect(as('dagtilbud', 'observation.fields.subject')).toBe('Læreplanstema');
    expect(as('skole', 'observation.fields.subject')).toBe('Fag');
    expect(as('dagtilbud', 'observation.visit.heading')).toBe('Besøg i læringsmiljøet');
    expect(as('dagtilbud', 'observation.visit.title', { name: 'Mads', date: '1. december' })).toBe(
      'Besøg i læringsmiljøet hos Mads, 1. december',
    );
    expect(as('skole', 'observation.visit.recording')).toBe('Det blev set i lektionen');
    expect(as('dagtilbud', 'observation.visit.recording')).toBe('Det blev set i læringsmiljøet');
    expect(as('dagtilbud', 'observationLead.data.by.subject')).toBe('Læreplanstema');
    expect(as('dagtilbud', 'catalogue.fields.subject')).toBe('Læreplanstema');
    expect(as('skole', 'catalogue.fields.subject')).toBe('Fag');
  });

  it('a list that may mix both (search facets, statistics): Fag / læreplanstema unless narrowed to one kind', () => {
    const list = (bands: string[], otherwise: Parameters<typeof listContext>[1], key: string) =>
      i18n.t(key, { context: listContext(bands, otherwise) }) as string;
    // The catalogue, not narrowed: both; narrowed to a school's or a dagtilbud's age bands: theirs.
    expect(list([], 'mixed', 'search.facet.subject')).toBe('Fag / læreplanstema');
    expect(list(['kl4-6'], 'mixed', 'search.facet.subject')).toBe('Fag');
    expect(list(['0-2', '3-5'], 'mixed', 'search.facet.subject')).toBe('Læreplanstema');
    expect(list(['3-5', 'kl0-3'], 'mixed', 'search.facet.subject')).toBe('Fag / læreplanstema');
    expect(list(['klub'], 'mixed', 'search.facet.subject')).toBe('Tema');
    // One institution's figures, not narrowed: the viewer's words; a kommune's: both (as the CSV says).
    expect(list([], 'skole', 'statistics.col.subject')).toBe('Fag');
    expect(list([], 'dagtilbud', 'statistics.col.subject')).toBe('Læreplanstema');
    expect(list([], 'mixed', 'statistics.col.subject')).toBe('Fag / læreplanstema');
    expect(list(['kl0-3'], 'dagtilbud', 'statistics.bySubjectHeading')).toBe('Efter fag');
    expect(list([], 'dagtilbud', 'statistics.allSubjects')).toBe('Alle læreplanstemaer');
  });

  it('a video’s facts follow its age band: Læreplanstema on a børnehus video, Fag on a school’s', () => {
    expect(ageBandKind('3-5')).toBe('dagtilbud');
    expect(ageBandKind('0-2')).toBe('dagtilbud');
    expect(ageBandKind('klub')).toBe('klub');
    expect(ageBandKind('kl4-6')).toBe('skole');
    expect(ageBandKind(null)).toBeUndefined();
    expect(i18n.t('catalogue.fields.subject', { context: wordContext(ageBandKind('3-5') ?? 'skole') })).toBe(
      'Læreplanstema',
    );
  });

  it('a key without a variant reads the same everywhere', () => {
    expect(as('dagtilbud', 'observation.visit.observer')).toBe(as('skole', 'observation.visit.observer'));
  });

  it('every variant has its plain key (the fallback) in both languages, and the school words are not in it', () => {
    for (const lang of ['da', 'en'] as const) {
      const all = new Set(keys(load(lang)));
      const variants = [...all].filter((k) => /_(dagtilbud|klub)(_one|_other)?$/.test(k));
      expect(variants.length).toBeGreaterThan(40);
      for (const v of variants)
        expect(all.has(v.replace(/_(dagtilbud|klub)/, '')), `${lang} ${v}`).toBe(true);
    }
    i18n.changeLanguage('da');
    const da = load('da');
    const text = (k: string) => k.split('.').reduce<unknown>((o, p) => (o as Strings)[p], da) as string;
    for (const k of keys(da).filter((k) => /_dagtilbud(_one|_other)?$/.test(k)))
      expect(text(k), k).not.toMatch(/\belev|lærer|undervisning|lektion|klassetrin/i);
  });
});

describe('the server’s words (e-mails, CSV headers)', () => {
  it('has a word set per kind and language', () => {
    for (const kind of WORD_KINDS)
      for (const locale of ['da', 'en'] as const)
        expect(Object.values(words(kind, locale)).every((w) => w.length > 0)).toBe(true);
    expect(words('dagtilbud')).toMatchObject({ child: 'barn', children: 'børn', staff: 'pædagog' });
    expect(words('skole')).toMatchObject({ child: 'elev', staff: 'lærer', subject: 'Fag' });
    expect(words('klub').children).toBe('unge');
    expect(words('dagtilbud').subject).toBe('Læreplanstema');
  });
});
