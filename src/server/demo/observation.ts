import { inArray, like } from 'drizzle-orm';
import { type SchemaDefinition, schemaDefinitionInput, termOf, termRange } from '../../shared/observation.js';
import type { Db } from '../db/index.js';
import { observationGuides, observationObservers } from '../db/observation-schema.js';
import { instanceSettings, institutions, users } from '../db/schema.js';
import { assignKeys, STARTER_GUIDE, STARTER_SCHEMA } from '../modules/observation/index.js';
import { DEMO_DOMAIN } from './constants.js';
import { type DemoAnswer, type DemoVisit, insertSchema, insertVisits } from './observation-rows.js';

/**
 * Demo classroom observation (issue 6): Solsikkeskolen and Kildeskolen use the starter schema and publish the
 * starter visit guide; Rasmus Kjær (ressourceperson) is delegated visits at Solsikkeskolen. Completed visits to
 * laerer1–7 and Mette (medarbejder) in the previous and the current term — with learning conversations on some
 * — so the leader's dashboard shows real figures for the larger groups and hidden ones for small groups (Tysk is
 * taught by two teachers only); a few planned visits in the coming weeks (one to Mette by Rasmus); and Mette's own
 * self-observation, which never counts. Seeded once (its own flag), a few statements.
 */

export const DEMO_OBSERVATION_SETTING = 'demo_observation_seeded';
const DAY = 86_400_000;

/** mulberry32: the same demo every time. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Who teaches what at Solsikkeskolen (Tysk: two teachers only, so its figures stay hidden). */
const TEACHING: Record<string, { subject: string; grade: number; classLabel: string }> = {
  laerer1: { subject: 'Dansk', grade: 3, classLabel: '3.A' },
  laerer2: { subject: 'Matematik', grade: 5, classLabel: '5.B' },
  laerer3: { subject: 'Dansk', grade: 6, classLabel: '6.A' },
  laerer4: { subject: 'Matematik', grade: 3, classLabel: '3.B' },
  laerer5: { subject: 'Dansk', grade: 5, classLabel: '5.A' },
  laerer6: { subject: 'Tysk', grade: 7, classLabel: '7.A' },
  laerer7: { subject: 'Tysk', grade: 8, classLabel: '8.B' },
  medarbejder: { subject: 'Matematik', grade: 3, classLabel: '3.A' },
};

const NOTES = [
  'Rolig start: målet stod på tavlen, og eleverne gik hurtigt i gang.',
  'God brug af makkerpar. Et par elever ved vinduet ventede længe på hjælp.',
  'Exit-kort til sidst — eleverne kunne sige, hvad de havde lært.',
  'Tydelige overgange. Feedbacken handlede mest om det færdige produkt.',
];
const TEXTS = [
  'Målet blev gentaget, før eleverne gik i gang.',
  'Eleverne brugte tjeklisten, når de gav hinanden feedback.',
  'Læreren samlede op på tavlen med elevernes egne eksempler.',
  'Overgangen til gruppearbejdet tog lidt tid.',
];
const PUPIL_TEXTS = ['At finde hovedpersonen', 'Brøker', 'Jeg skal øve mig på at forklare', 'Ved ikke helt'];
const CONVERSATIONS = [
  {
    reflection: 'Jeg kunne selv mærke, at overgangen tog tid. Det var rart at få det bekræftet.',
    conversationNotes: 'Vi talte om at vise tegn på læring med et elevprodukt fra sidste uge.',
    nextStep: 'Jeg viser et eksempel på et godt svar, før eleverne går i gang.',
  },
  {
    reflection: 'Feedbacken gik mest fra mig. Eleverne kan mere, end jeg giver dem plads til.',
    conversationNotes: 'Idé: fælles kriterier på tavlen, så eleverne kan give hinanden feedback.',
    nextStep: 'Eleverne giver hinanden feedback ud fra tre kriterier i to timer om ugen.',
  },
];

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Plausible answers to every item of the focus areas: mostly good, some room to grow, varied per teacher. */
function answersFor(def: SchemaDefinition, rnd: () => number, lean: number): DemoAnswer[] {
  const out: DemoAnswer[] = [];
  const scaled = (min: number, max: number) =>
    Math.max(min, Math.min(max, Math.round(min + (max - min) * (0.45 + lean * 0.35 + (rnd() - 0.5) * 0.5))));
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  for (const area of def.focusAreas) {
    for (const i of area.indicators) {
      const value: DemoAnswer['value'] =
        i.type === 'scale' && i.scale
          ? scaled(i.scale.min, i.scale.max)
          : i.type === 'yesno'
            ? rnd() < 0.45 + lean * 0.4
            : i.type === 'count'
              ? Math.round(2 + rnd() * 8)
              : pick(TEXTS);
      out.push({ key: i.key, value });
    }
    for (const i of area.pupilItems)
      for (let pupil = 1; pupil <= def.pupilCount; pupil++)
        out.push({
          key: i.key,
          pupil,
          value:
            i.type === 'scale' && i.scale
              ? scaled(i.scale.min, i.scale.max)
              : i.type === 'yesno'
                ? rnd() < 0.6
                : pick(PUPIL_TEXTS),
        });
  }
  return out;
}

/** Seeds the demo observation data once; true when it did. Needs the demo organisation and staff first. */
export async function seedDemoObservation(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_OBSERVATION_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const schools = await tx
      .select({ id: institutions.id, name: institutions.name })
      .from(institutions)
      .where(inArray(institutions.name, ['Solsikkeskolen', 'Kildeskolen']));
    const school = new Map(schools.map((s) => [s.name, s.id]));
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(like(users.email, `%@${DEMO_DOMAIN}`));
    const person = new Map(people.map((p) => [p.email.slice(0, p.email.indexOf('@')), p.id]));
    const need = (local: string) => {
      const id = person.get(local);
      if (!id) throw new Error(`demo observation needs ${local} first`);
      return id;
    };
    const sol = school.get('Solsikkeskolen');
    const kilde = school.get('Kildeskolen');
    if (!sol || !kilde) throw new Error('demo observation needs Solsikkeskolen and Kildeskolen first');
    const leder = need('leder');
    const rasmus = need('ressourceperson');

    const definition = assignKeys(schemaDefinitionInput.parse(STARTER_SCHEMA), null);
    const solSchema = await insertSchema(tx, sol, definition, { version: 1, createdBy: leder });
    await insertSchema(tx, kilde, assignKeys(schemaDefinitionInput.parse(STARTER_SCHEMA), null), {
      version: 1,
    });
    await tx.insert(observationGuides).values([
      { institutionId: sol, body: STARTER_GUIDE, publishedAt: now, updatedBy: leder },
      { institutionId: kilde, body: STARTER_GUIDE, publishedAt: now },
    ]);
    await tx.insert(observationObservers).values({ institutionId: sol, userId: rasmus, grantedBy: leder });

    const rnd = random(6);
    const current = termOf(now);
    const currentFrom = new Date(`${termRange(current).from}T12:00:00Z`).getTime();
    const previousDate = new Date(currentFrom - 75 * DAY);
    const areaKeys = definition.focusAreas.map((a) => a.key);
    const visits: DemoVisit[] = [];
    const locals = Object.keys(TEACHING);
    locals.forEach((local, n) => {
      const teaching = TEACHING[local];
      const base = {
        institutionId: sol,
        schemaId: solSchema,
        definition,
        teacherId: need(local),
        ...teaching,
      };
      const lean = (n % 4) / 4 - 0.2;
      // Previous term: everyone; the leader observes.
      visits.push({
        ...base,
        focusAreaKeys: areaKeys,
        observerId: leder,
        plannedFor: day(new Date(previousDate.getTime() + n * 3 * DAY)),
        answers: answersFor(definition, rnd, lean),
        notes: NOTES[n % NOTES.length],
        ...(n % 3 === 0 ? { ...CONVERSATIONS[n % 2], nextStepAgreed: true } : {}),
      });
      // Current term: everyone but one, between the start of the term and yesterday; Rasmus takes some.
      if (local === 'laerer7') return;
      const span = Math.max(1, Math.floor((now.getTime() - DAY - currentFrom) / DAY));
      visits.push({
        ...base,
        focusAreaKeys: areaKeys,
        observerId: n % 2 ? rasmus : leder,
        plannedFor: day(new Date(Math.min(currentFrom + ((n * 5) % span) * DAY, now.getTime() - DAY))),
        answers: answersFor(definition, rnd, lean + 0.15),
        notes: NOTES[(n + 1) % NOTES.length],
        ...(n % 3 === 1 ? { ...CONVERSATIONS[(n + 1) % 2], nextStepAgreed: n !== 4 } : {}),
      });
    });
    // Planned visits in the coming weeks (one to Mette, by Rasmus).
    const planned = [
      ['medarbejder', rasmus, 6],
      ['laerer2', leder, 9],
      ['laerer7', rasmus, 13],
    ] as const;
    for (const [local, observerId, inDays] of planned)
      visits.push({
        institutionId: sol,
        schemaId: solSchema,
        definition,
        teacherId: need(local),
        observerId,
        status: 'planned',
        focusAreaKeys: areaKeys.slice(0, 2),
        plannedFor: day(new Date(now.getTime() + inDays * DAY)),
        ...TEACHING[local],
      });
    // Mette's self-observation: hers alone, never institution data.
    visits.push({
      institutionId: sol,
      schemaId: solSchema,
      definition,
      teacherId: need('medarbejder'),
      observerId: need('medarbejder'),
      kind: 'self',
      plannedFor: day(new Date(now.getTime() - 2 * DAY)),
      ...TEACHING.medarbejder,
      answers: answersFor(definition, rnd, 0),
      notes: 'Jeg filmede timen og så den igen: målet var tydeligt, men jeg talte meget selv.',
      reflection: 'Næste gang lader jeg eleverne forklare målet for hinanden først.',
    });
    await insertVisits(tx, visits);
    return true;
  });
}
