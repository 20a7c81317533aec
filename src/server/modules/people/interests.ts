import { AGE_BANDS, type AgeBand } from '../../../shared/catalogue.js';
import type { InstitutionType } from '../../../shared/constants.js';
import type { SessionUser } from '../../auth/session-cache.js';
import type { AppContext } from '../../context.js';
import * as repo from './interests-repo.js';

/** A person's interests as the front page uses them; empty lists narrow nothing. */
export type Interests = {
  ageBands: AgeBand[];
  subjectIds: string[];
  methodIds: string[];
  /** Never saved: suggested from the person's institution type and teams. */
  suggested: boolean;
};

/** The age bands each kind of institution works with; a fællesfunktion works across them all (no narrowing). */
const TYPE_BANDS: Record<InstitutionType, AgeBand[]> = {
  skole: ['kl0-3', 'kl4-6', 'kl7-10'],
  dagtilbud: ['0-2', '3-5'],
  klub: ['klub'],
  faellesfunktion: [],
};

/** The six læreplanstemaer as the starting taxonomy names them (drizzle/0002_catalogue.sql). */
export const DAGTILBUD_THEMES = [
  'Alsidig personlig udvikling',
  'Social udvikling',
  'Kommunikation og sprog',
  'Krop, sanser og bevægelse',
  'Natur, udeliv og science',
  'Kultur, æstetik og fællesskab',
];

const gradeBand = (grade: number): AgeBand => (grade <= 3 ? 'kl0-3' : grade <= 6 ? 'kl4-6' : 'kl7-10');

/** The age bands a team's name tells ("3. årgang", "4.–6. klasse", "Udskolingen", "Vuggestuen" …), if any. */
export function teamBands(name: string): AgeBand[] {
  const n = name.toLowerCase();
  const out = new Set<AgeBand>();
  if (n.includes('vuggestue')) out.add('0-2');
  if (/børnehave(?!klasse)/.test(n)) out.add('3-5');
  if (n.includes('børnehaveklasse') || n.includes('indskoling')) out.add('kl0-3');
  if (n.includes('mellemtrin')) out.add('kl4-6');
  if (n.includes('udskoling')) out.add('kl7-10');
  if (n.includes('klub')) out.add('klub');
  const range = /(\d{1,2})\.\s*[-–]\s*(\d{1,2})\.\s*(årgang|klasse|kl\b)/.exec(n);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    for (let g = Math.min(from, to); g <= Math.min(Math.max(from, to), 10); g++) out.add(gradeBand(g));
  } else {
    const one = /(\d{1,2})\.\s*(årgang|klasse|kl\b)/.exec(n);
    if (one && Number(one[1]) <= 10) out.add(gradeBand(Number(one[1])));
  }
  return AGE_BANDS.filter((b) => out.has(b));
}

/**
 * What a person who never saved interests probably works with: per institution they hold a role in, the age
 * bands its type works with — narrowed to what their teams there tell, when a team's name does — and for
 * dagtilbud the læreplanstemaer. Anyone working across (a fællesfunktion, a role beyond institutions only)
 * is not narrowed: the union of "everything" with anything is everything.
 */
export function suggestInterests(person: Pick<SessionUser, 'grants' | 'teams'>): {
  ageBands: AgeBand[];
  subjectLabels: string[];
} {
  const types = new Map<string, InstitutionType>();
  for (const g of person.grants)
    if (g.institutionId && g.institutionType) types.set(g.institutionId, g.institutionType);
  if (types.size === 0) return { ageBands: [], subjectLabels: [] };
  const bands = new Set<AgeBand>();
  for (const [institutionId, type] of types) {
    const allowed = TYPE_BANDS[type];
    if (allowed.length === 0) return { ageBands: [], subjectLabels: [] };
    const fromTeams = person.teams
      .filter((t) => t.institutionId === institutionId)
      .flatMap((t) => teamBands(t.name))
      .filter((b) => allowed.includes(b));
    for (const b of fromTeams.length ? fromTeams : allowed) bands.add(b);
  }
  const allDagtilbud = [...types.values()].every((t) => t === 'dagtilbud');
  return {
    ageBands: AGE_BANDS.filter((b) => bands.has(b)),
    subjectLabels: allDagtilbud ? DAGTILBUD_THEMES : [],
  };
}

const asBands = (xs: string[]) => AGE_BANDS.filter((b) => xs.includes(b));

/**
 * The person's interests (issue 15): what they saved on their profile, or — never saved — the suggestion from
 * their institution type and teams. Only ever one's own: there is no way to read or set another person's.
 */
export function createInterestsService(ctx: AppContext) {
  const { db } = ctx;
  return {
    async get(person: Pick<SessionUser, 'id' | 'grants' | 'teams'>): Promise<Interests> {
      const saved = await repo.findInterests(db, person.id);
      if (saved)
        return {
          ageBands: asBands(saved.ageBands),
          subjectIds: saved.subjectIds,
          methodIds: saved.methodIds,
          suggested: false,
        };
      const s = suggestInterests(person);
      return {
        ageBands: s.ageBands,
        subjectIds: await repo.subjectsByLabel(db, s.subjectLabels),
        methodIds: [],
        suggested: true,
      };
    },

    /** Saves the signed-in person's own interests (terms that no longer exist, or of the wrong kind, are left out). */
    async set(
      person: Pick<SessionUser, 'id' | 'grants' | 'teams'>,
      v: { ageBands: AgeBand[]; subjectIds: string[]; methodIds: string[] },
    ): Promise<Interests> {
      const row = {
        ageBands: asBands(v.ageBands),
        subjectIds: await repo.existingTerms(db, 'subject', [...new Set(v.subjectIds)]),
        methodIds: await repo.existingTerms(db, 'method', [...new Set(v.methodIds)]),
      };
      await repo.saveInterests(db, person.id, row);
      return this.get(person);
    },
  };
}

export type InterestsService = ReturnType<typeof createInterestsService>;
