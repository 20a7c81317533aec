import { inArray, like } from 'drizzle-orm';
import { type SchemaDefinition, schemaDefinitionInput, termOf, termRange } from '../../shared/observation.js';
import type { WordKind } from '../../shared/vocabulary.js';
import type { Db, DbOrTx } from '../db/index.js';
import { observationGuides, observationObservers } from '../db/observation-schema.js';
import { instanceSettings, institutions, roleGrants, users } from '../db/schema.js';
import { assignKeys, starterFor } from '../modules/observation/index.js';
import { DEMO_DOMAIN } from './constants.js';
import { type DemoAnswer, type DemoVisit, insertSchema, insertVisits } from './observation-rows.js';

/**
 * Demo classroom observation (issue 6): Solsikkeskolen and Kildeskolen use the starter schema and publish the
 * starter visit guide; Rasmus Kjær (ressourceperson) is delegated visits at Solsikkeskolen. Completed visits to
 * laerer1–7 and Mette (medarbejder) in the previous and the current term — with learning conversations on some
 * — so the leader's dashboard shows real figures for the larger groups and hidden ones for small groups (Tysk is
 * taught by two teachers only); a few planned visits in the coming weeks (one to Mette by Rasmus); and Mette's own
 * self-observation, which never counts. Børnehuset Mælkebøtten uses the dagtilbud starter: Lise Frandsen (leder2)
 * has visited the learning environment of its five pædagoger in both terms, with learning conversations, and
 * has one visit planned; Klub Lynet uses the klub starter with two visits by its leader. Every written answer fits
 * its place: a pupil in a maths lesson answers about maths, a child in the børnehave about play. Seeded once (its
 * own flag), a few statements.
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

/** The words written into a visit: notes, free-text indicators, what the pupils/children/young people said. */
type DemoTexts = {
  notes: string[];
  indicator: string[];
  /** The answers to a free-text item asked of the pupils, by the item's text (and the lesson's subject). */
  pupil: (itemText: string, subject: string) => string[];
  conversations: { reflection: string; conversationNotes: string; nextStep: string }[];
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
/** What a pupil says they learn today, and their next step, by subject: a maths lesson is answered with maths. */
const PUPIL_TEXTS: Record<string, { today: string[]; next: string[] }> = {
  Dansk: {
    today: [
      'At finde hovedpersonen i fortællingen',
      'At skrive en indledning, der fanger',
      'At læse med betoning',
    ],
    next: [
      'Jeg skal bruge flere tillægsord',
      'Læse min tekst højt for min makker',
      'Sætte punktum de rigtige steder',
    ],
  },
  Matematik: {
    today: ['Brøker – hvilken er størst', 'At forklare, hvordan jeg regnede', 'Gange med tocifrede tal'],
    next: ['Jeg skal øve mig på at forklare', 'Tjekke mit facit med en tegning', 'Lære 7-tabellen udenad'],
  },
  Tysk: {
    today: ['At præsentere mig selv på tysk', 'Verberne i nutid', 'Ord om familien'],
    next: ['Sige sætningerne på tysk uden at kigge', 'Lære gloserne til fredag', 'Spørge min makker på tysk'],
  },
};
const SCHOOL: DemoTexts = {
  notes: NOTES,
  indicator: TEXTS,
  pupil: (item, subject) => {
    const by = PUPIL_TEXTS[subject] ?? PUPIL_TEXTS.Dansk;
    return [...(item.includes('næste skridt') ? by.next : by.today), 'Ved ikke helt'];
  },
  conversations: [],
};

const DAGTILBUD: DemoTexts = {
  notes: [
    'Rolig garderobe: børnene klarede selv det meste, og de voksne satte ord på.',
    'Lang samling – de yngste mistede fokus efter ti minutter. Godt med sang til sidst.',
    'Legen ved sandkassen fik lov at køre. To børn blev hjulpet ind i den.',
    'Frokosten blev brugt til samtale om weekenden; alle børn kom til orde.',
  ],
  indicator: [
    'En voksen satte ord på, hvad børnene gjorde i garderoben.',
    'To børn blev hjulpet ind i legen ved sandkassen med en rolle hver.',
    'Børnene foreslog selv at lede efter regnorme efter regnen.',
    'Overgangen fra leg til frokost var forberedt med en sang.',
  ],
  pupil: (item) =>
    ({
      'Hvad kan du bedst lide at lave her?': ['Lege i sandkassen', 'Bygge huler', 'Tegne med Sara', 'Cykle'],
      'Hvem leger du med?': [
        'Noah og Ella',
        'Min bedste ven Aisha',
        'Dem fra Mariehønsene',
        'Nogle gange ingen',
      ],
      'Hvad gør de voksne, når du er ked af det?': [
        'De giver mig et kram',
        'Mads sætter sig ved mig',
        'De spørger, hvad der er sket',
      ],
      'Hvad har du fundet ud af eller lært i dag?': [
        'At regnorme kan lide vand',
        'At tælle til tyve',
        'Et nyt ord: vandpyt',
      ],
    })[item] ?? ['Det ved jeg ikke'],
  conversations: [
    {
      reflection:
        'Jeg kunne godt mærke, at samlingen blev for lang for de yngste. Godt at få det set udefra.',
      conversationNotes: 'Vi talte om at dele samlingen i to grupper, så de ældste kan fortælle mere.',
      nextStep: 'Samlingen deles i to grupper i tre uger, og de ældste fortæller om dagens leg.',
    },
    {
      reflection: 'Jeg går ofte ind og styrer legen. Børnene kan mere selv, end jeg giver dem plads til.',
      conversationNotes:
        'Idé: vente et øjeblik, før vi går ind i legen, og gå ind med en rolle i stedet for regler.',
      nextStep: 'Jeg venter to minutter, før jeg går ind i en leg, der går i stå, og går ind med en rolle.',
    },
  ],
};

const KLUB: DemoTexts = {
  notes: [
    'Mange unge ved bordtennisbordet; en konflikt blev løst roligt, og de unge fandt selv en regel.',
    'Madklubben planlagt af de unge selv – tre nye var med for første gang.',
  ],
  indicator: [
    'De unge lavede selv en ny regel for ventetid ved bordet.',
    'En voksen spurgte en ny dreng, om han ville være med i madklubben.',
  ],
  pupil: (item) =>
    ({
      'Hvem er du mest sammen med her?': ['Mine venner fra 5.B', 'Dem fra bordtennis', 'Dem i musiklokalet'],
      'Hvad er du blevet bedre til, siden du begyndte i klubben?': [
        'Bordtennis',
        'At lave mad til mange',
        'At sige fra, når noget er uretfærdigt',
      ],
    })[item] ?? ['Ved ikke'],
  conversations: [
    {
      reflection: 'Jeg blandede mig for hurtigt i konflikten. De unge havde faktisk selv et forslag.',
      conversationNotes: 'Vi talte om at spørge de unge først, før vi foreslår en løsning.',
      nextStep: 'Ved næste konflikt spørger jeg de unge, hvad de selv foreslår, før jeg siger noget.',
    },
  ],
};
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
function answersFor(
  def: SchemaDefinition,
  rnd: () => number,
  lean: number,
  texts: DemoTexts,
  subject: string,
): DemoAnswer[] {
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
              : pick(texts.indicator);
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
                : pick(texts.pupil(i.text, subject)),
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

    const starter = starterFor('skole');
    const definition = assignKeys(schemaDefinitionInput.parse(starter.schema), null);
    const solSchema = await insertSchema(tx, sol, definition, { version: 1, createdBy: leder });
    await insertSchema(tx, kilde, assignKeys(schemaDefinitionInput.parse(starter.schema), null), {
      version: 1,
    });
    await tx.insert(observationGuides).values([
      { institutionId: sol, body: starter.guide, publishedAt: now, updatedBy: leder },
      { institutionId: kilde, body: starter.guide, publishedAt: now },
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
        answers: answersFor(definition, rnd, lean, SCHOOL, teaching.subject),
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
        answers: answersFor(definition, rnd, lean + 0.15, SCHOOL, teaching.subject),
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
      answers: answersFor(definition, rnd, 0, SCHOOL, TEACHING.medarbejder.subject),
      notes: 'Jeg filmede timen og så den igen: målet var tydeligt, men jeg talte meget selv.',
      reflection: 'Næste gang lader jeg eleverne forklare målet for hinanden først.',
    });
    await insertVisits(tx, visits);
    await seedPlaces(tx, now, rnd, need);
    return true;
  });
}

/** Pædagoger without sign-in, so a børnehus and a klub have a staff to visit: name, place, role. */
const PLACE_STAFF: [string, string, 'leder' | 'medarbejder'][] = [
  ['Pernille Holm', 'Børnehuset Mælkebøtten', 'medarbejder'],
  ['Ahmed Nasser', 'Børnehuset Mælkebøtten', 'medarbejder'],
  ['Signe Kjeldsen', 'Børnehuset Mælkebøtten', 'medarbejder'],
  ['Karim Said', 'Klub Lynet', 'leder'],
  ['Line Bach', 'Klub Lynet', 'medarbejder'],
];
const localOf = (name: string) =>
  name.toLowerCase().replace(/\s+/g, '.').replace(/ø/g, 'oe').replace(/æ/g, 'ae').replace(/å/g, 'aa');

/** Who works where in the børnehus and the klub, and what a visit there is about (læreplanstema, group). */
const PLACES: {
  name: string;
  kind: WordKind;
  leader: string;
  texts: DemoTexts;
  staff: { local: string; subject: string; classLabel: string }[];
}[] = [
  {
    name: 'Børnehuset Mælkebøtten',
    kind: 'dagtilbud',
    leader: 'leder2',
    texts: DAGTILBUD,
    staff: [
      { local: 'medarbejder2', subject: 'Krop, sanser og bevægelse', classLabel: 'Vuggestuen' },
      { local: 'emma.krogh', subject: 'Social udvikling', classLabel: 'Mariehønsene' },
      { local: 'pernille.holm', subject: 'Kommunikation og sprog', classLabel: 'Mariehønsene' },
      { local: 'ahmed.nasser', subject: 'Natur, udeliv og science', classLabel: 'Skovgruppen' },
      { local: 'signe.kjeldsen', subject: 'Alsidig personlig udvikling', classLabel: 'Vuggestuen' },
    ],
  },
  {
    name: 'Klub Lynet',
    kind: 'klub',
    leader: 'karim.said',
    texts: KLUB,
    staff: [
      { local: 'jonas.vestergaard', subject: 'Fællesskab', classLabel: '4.–6. klasse' },
      { local: 'line.bach', subject: 'Medbestemmelse', classLabel: 'Madklubben' },
    ],
  },
];

/**
 * Børnehuset Mælkebøtten and Klub Lynet: their own starter schema and guide, completed visits with learning
 * conversations in both terms (the klub's in this term only), and one planned visit at Mælkebøtten.
 */
async function seedPlaces(tx: DbOrTx, now: Date, rnd: () => number, need: (local: string) => string) {
  const places = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(
      inArray(
        institutions.name,
        PLACES.map((p) => p.name),
      ),
    );
  const placeId = new Map(places.map((p) => [p.name, p.id]));
  const made = new Map<string, string>();
  for (const [name, at, role] of PLACE_STAFF) {
    const institutionId = placeId.get(at);
    if (!institutionId) throw new Error(`demo observation needs ${at} first`);
    const [u] = await tx
      .insert(users)
      .values({ email: `${localOf(name)}@${DEMO_DOMAIN}`, name, status: 'invited' })
      .returning({ id: users.id });
    await tx.insert(roleGrants).values({ userId: u.id, role, institutionId });
    made.set(localOf(name), u.id);
  }
  const who = (local: string) => made.get(local) ?? need(local);
  const current = termOf(now);
  const currentFrom = new Date(`${termRange(current).from}T12:00:00Z`).getTime();
  const previousFrom = currentFrom - 90 * DAY;
  const span = Math.max(1, Math.floor((now.getTime() - DAY - currentFrom) / DAY));
  const visits: DemoVisit[] = [];
  for (const place of PLACES) {
    const institutionId = placeId.get(place.name) as string;
    const leader = who(place.leader);
    const starter = starterFor(place.kind);
    const definition = assignKeys(schemaDefinitionInput.parse(starter.schema), null);
    const schemaId = await insertSchema(tx, institutionId, definition, { version: 1, createdBy: leader });
    await tx
      .insert(observationGuides)
      .values({ institutionId, body: starter.guide, publishedAt: now, updatedBy: leader });
    const areaKeys = definition.focusAreas.map((a) => a.key);
    const { texts } = place;
    place.staff.forEach((st, n) => {
      const base = {
        institutionId,
        schemaId,
        definition,
        teacherId: who(st.local),
        observerId: leader,
        subject: st.subject,
        classLabel: st.classLabel,
        grade: null,
        focusAreaKeys: areaKeys,
      };
      const lean = (n % 3) / 3 - 0.1;
      const talk = texts.conversations[n % texts.conversations.length];
      if (place.kind === 'dagtilbud')
        visits.push({
          ...base,
          plannedFor: day(new Date(previousFrom + n * 4 * DAY)),
          answers: answersFor(definition, rnd, lean, texts, st.subject),
          notes: texts.notes[n % texts.notes.length],
          ...(n % 2 === 0 ? { ...talk, nextStepAgreed: true } : {}),
        });
      visits.push({
        ...base,
        plannedFor: day(new Date(Math.min(currentFrom + ((n * 6 + 3) % span) * DAY, now.getTime() - DAY))),
        answers: answersFor(definition, rnd, lean + 0.15, texts, st.subject),
        notes: texts.notes[(n + 1) % texts.notes.length],
        ...(n % 2 === 1 || place.kind === 'klub' ? { ...talk, nextStepAgreed: n !== 3 } : {}),
      });
    });
    // Mælkebøtten: the next visit to Mads is planned (he sees it on his observation page).
    if (place.kind === 'dagtilbud')
      visits.push({
        institutionId,
        schemaId,
        definition,
        teacherId: need('medarbejder2'),
        observerId: leader,
        status: 'planned',
        focusAreaKeys: areaKeys.slice(1, 3),
        plannedFor: day(new Date(now.getTime() + 8 * DAY)),
        subject: 'Social udvikling',
        classLabel: 'Vuggestuen',
        grade: null,
      });
  }
  await insertVisits(tx, visits);
}
