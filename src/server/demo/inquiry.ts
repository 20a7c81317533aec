import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import type { AgendaItem, EvidenceTable } from '../../shared/contracts/inquiry.js';
import type { CycleState } from '../../shared/inquiry.js';
import type { SchemaDefinition } from '../../shared/observation.js';
import type { Db, DbOrTx } from '../db/index.js';
import {
  inquiryCycles,
  inquiryEvidence,
  inquiryReflections,
  inquiryTasks,
  inquiryTemplates,
  meetingDecisions,
  practiceStories,
  storyMethods,
  storyVideos,
  teamMeetings,
  teamSpaces,
} from '../db/inquiry-schema.js';
import { observationSchemas, observationVisits } from '../db/observation-schema.js';
import { instanceSettings, institutions, teamMemberships, teams, users } from '../db/schema.js';
import { taxonomyTerms, videos } from '../db/videos-schema.js';
import { refreshStorySearchDocument } from '../modules/inquiry/index.js';
import { DEMO_DOMAIN } from './constants.js';
import { insertVisits } from './observation-rows.js';

/**
 * Demo team inquiry (issue 16): three teams at three points of a cycle, so a visitor can try the team space, a
 * cycle, the tasks, meeting mode and a finished cycle.
 * - Matematikteamet at Solsikkeskolen (Mette, Rasmus and Morten, laerer4) is in the middle of a Læringscirklen
 *   about how pupils explain their reasoning in maths: the før-phases filled, a data plan of tasks with two owners
 *   and reminders, evidence (two of Mette's observation visits, the talsnak video, a note, a small table), the
 *   team's agreement, last week's meeting with a decision and an open action item, and next week's meeting with
 *   its agenda under the three leadership moves and the roles rotated on.
 * - Børnehuset Mælkebøtten gets a stue, Mariehønsene (Mads, medarbejder2, with Emma and Pernille), with a
 *   Progressionsmodellen cycle in "før" about the learning environment at samling and in the garderobe — about the
 *   group of children, never one child.
 * - Indskolingsteamet at Kildeskolen (laerer8–12) has finished a Prøvehandling on calm transitions, with the
 *   colleagues' observation visits before and after the change, the public video it drew on and each member's
 *   reflection (the practice story made from it: see seedDemoStory).
 * Seeded once (its own flag, so an instance seeded before it gets it too), a few statements a table. Needs the demo
 * organisation, staff, observation data and the built-in templates (start-up syncs them first); the videos are
 * linked when the demo catalogue has them.
 */

const DEMO_INQUIRY_SETTING = 'demo_inquiry_seeded';
const DAY = 86_400_000;

/** The stue added at Børnehuset Mælkebøtten for its Progressionsmodellen cycle. */
export const DEMO_STUE = 'Mariehønsene';
/** Matematikteamet gets a third member, a maths teacher, so roles can rotate among three. */
const MATH_COLLEAGUE = 'laerer4';
/** The Kildeskolen team's members, laerer8–12, and who observed whom (colleagues visit each other). */
const KILDE_TEAM = ['laerer8', 'laerer9', 'laerer10', 'laerer11', 'laerer12'];
const KILDE_CLASSES = ['0.A', '1.A', '1.B', '2.A', '3.B'];

const day = (d: Date) => d.toISOString().slice(0, 10);

// ———————————————————————————————— Matematikteamet, Solsikkeskolen: Læringscirklen, "under"

const MATH = {
  title: 'Elevernes forklaringer i matematik',
  question:
    'Hvad sker der med elevernes matematiske ræsonnementer i 3. klasse, når vi beder dem forklare "hvordan tænkte du?" i stedet for at spørge efter facit?',
  content: {
    nysgerrighed: {
      undren:
        'Når vi spørger en elev i 3. klasse, hvordan hun regnede, får vi ofte facit igen — eller "det ved jeg bare". De samme elever kan godt løse opgaven. Vi undrer os over, om det er vores spørgsmål, der lukker samtalen, eller om eleverne mangler ord for, hvordan de tænker.',
      antagelser:
        'Vi tror, at eleverne kan mere, end de viser, og at de svarer kort, fordi de er vant til, at vi spørger efter det rigtige resultat. Vi tror også, at de stille elever forklarer mere i makkerpar end i klassen. Vi er ikke sikre på, at det holder for de elever, der har svært ved at læse opgaven.',
    },
    fokus: {
      fokus:
        'Hvor mange elever der forklarer en strategi med egne ord (ikke kun facit), og om forklaringen bruger "fordi", en tegning eller et andet regnestykke som begrundelse. Vi ser på hele klassen og tæller — vi skriver ingen navne.',
      datakilder:
        'Observation af talsnak i 3.A (Rasmus observerer Mette), elevernes skriftlige forklaringer på to opgaver i 3.B, en optagelse af talsnak, som teamet ser sammen, og vores egne noter lige efter timen.',
      analysedato: '',
    },
    indsamling: {
      observationer:
        'Første uge: i talsnak forklarede 9 af 22 elever en strategi, de fleste i makkerpar. Når læreren skrev strategierne op side om side, begyndte flere at sammenligne: "min er ligesom Emils, bare baglæns". Uden tavlen faldt de tilbage til facit.',
      justeringer:
        'Vi tæller også, hvor mange forklaringer der kommer i makkerpar før fællessamlingen, fordi det er dér, de stille elever siger mest.',
    },
  } as Record<string, Record<string, string>>,
  agreement: `1. Vi kommer forberedt: data og materialer er delt senest dagen før mødet.
2. Vi beskriver, før vi tolker: først hvad vi så og hørte, bagefter hvad vi tror, det betyder.
3. Alle kommer til orde i runder. Man må sige "pas" og komme tilbage til det.
4. Vi taler om elevernes læring og vores undervisning — ikke om enkelte elever ved navn.
5. Det, en kollega viser fra sin egen undervisning, bliver i teamet, medmindre vi aftaler andet.
6. Vi slutter hvert møde med, hvem der gør hvad til næste gang.
7. Roller (facilitator, tidtager, dataholder) går på omgang.`,
  note: {
    title: 'Efter talsnak i 3.A, tirsdag',
    body: 'Da jeg ventede fem sekunder efter spørgsmålet, rakte langt flere hånden op. Eleverne brugte ordet "fordi" mest, når de skulle forklare, hvorfor to forskellige veje gav det samme. To elever, der næsten aldrig siger noget i klassen, forklarede deres strategi til makkeren med en tegning. Jeg vil prøve at lade makkerparret fortælle den andens strategi næste gang.',
  },
  table: {
    title: 'Forklaringer i talsnak, 3.A (hele klassen, 22 elever)',
    data: {
      columns: ['Lektion', 'Forklarede en strategi', 'Brugte "fordi" eller en tegning', 'Kun facit'],
      rows: [
        ['Uge 1, tirsdag', '9', '4', '13'],
        ['Uge 1, torsdag', '11', '6', '11'],
        ['Uge 2, tirsdag', '14', '8', '8'],
      ],
    } satisfies EvidenceTable,
  },
  quote: 'Jeg tog 2 fra 17 og gav dem til 38. Så er det 40 plus 15, og det er nemmere — det giver det samme.',
};

// ———————————————————————————————— Mariehønsene, Mælkebøtten: Progressionsmodellen, "før"

const STUE = {
  title: 'Samlingen — plads til alle børns stemmer',
  question:
    'Hvordan kan vi indrette samlingen og overgangen fra garderoben, så flere af børnene i Mariehønsene kommer til orde og deltager i fællesskabet?',
  content: {
    udgangspunkt: {
      udgangspunkt:
        'Samlingen efter frokost varer omkring 25 minutter. Det er de samme fem-seks børn, der fortæller, mens resten venter eller ligger på gulvet. Overgangen fra garderoben trækker ud, så samlingen begynder med uro. Vores observationer fra sidste halvår viser, at de voksne taler mest i samlingen, og at børnene sjældent bliver spurgt om noget, der angår dem.',
    },
    'maal-og-tegn': {
      maal: 'Børnegruppen oplever samlingen som et sted, hvor alle kan bidrage — med ord, med kroppen eller med en ting, de har med. Samlingen er kortere, og overgangen fra garderoben er forberedt.',
      tegn: 'Flere børn fortæller eller viser noget i samlingen. Færre minutter, hvor børnene venter uden noget at tage sig til. Børnene ved, hvad der skal ske bagefter. Børnene foreslår selv, hvad samlingen skal handle om.',
    },
    laeringsmiljoe: {
      handlinger:
        'Vi deler samlingen i to mindre grupper i tre uger. Hver gruppe har en "fortællepind", der går rundt, og en billedtavle, der viser, hvad der skal ske. I garderoben synger vi den samme sang, som fortæller, at samlingen begynder.',
      data: 'Læringsmiljøet: vi tæller ventetid i overgangen og ser på, hvem der taler (voksne eller børn) — to observationer om ugen med dagtilbuddets observationsskema. Børnenes progression som gruppe: hvor mange børn der bidrager i samlingen, og hvad børnene selv siger om samlingen i små børneinterviews (uden navne).',
      evalueringsdato: '',
    },
  } as Record<string, Record<string, string>>,
  agreement: `- Vi taler om børnegruppen og læringsmiljøet, aldrig om et enkelt barn ved navn.
- Vi deler det, vi ser, også når det ikke gik godt.
- Vi bruger ti minutter af stuemødet på vores forløb hver uge.
- Vi spørger børnene, når vi vil vide, hvordan de oplever hverdagen.`,
  note: {
    title: 'Fra stuemødet',
    body: 'Vi talte om, at samlingen ofte bliver de voksnes tid. Emma foreslog, at vi prøver at lade børnene vælge en sang eller en ting at vise frem. Pernille tager billedtavlen med fra Børnehaven, så vi ikke skal lave den fra bunden.',
  },
};

// ———————————————————————————————— Indskolingsteamet, Kildeskolen: Prøvehandling, afsluttet

const KILDE = {
  title: 'Rolige overgange i indskolingen',
  question:
    'Kan et fælles signal, én kort instruktion og en synlig tidsramme gøre overgangene mellem aktiviteter roligere i 0.–3. klasse, så eleverne hurtigere kommer i gang med det faglige?',
  content: {
    udfordring: {
      udfordring:
        'Overgangene mellem aktiviteter tager lang tid i alle fem klasser: fra samling til arbejde ved bordene, fra arbejde til frikvarter, fra gruppearbejde tilbage i klassen. Vores første observationer viste, at der gik 6–8 minutter, før de fleste elever var i gang med det faglige, og at uroen især ramte de elever, der har brug for forudsigelighed.',
      ide: 'Alle fem klasser bruger den samme overgang i fire uger: et fælles lydsignal, én instruktion på højst tre sætninger, som også står på tavlen med et billede, og et timeglas eller et ur på tavlen, der viser, hvor lang tid skiftet må tage.',
      begrundelse:
        'Forskning i klasseledelse peger på, at tydelige rutiner og forventninger frigør tid og giver tryghed, især for elever, der har svært ved skift. Vi har set det virke i videoen om tydelige overgange og vil se, om det holder hos os.',
    },
    plan: {
      plan: 'Uge 1: vi aftaler signal og billeder og øver dem med eleverne. Uge 2–4: alle bruger overgangen i mindst tre skift om dagen. Vi observerer hinanden to gange: før vi begynder og i uge 4, med skolens observationsskema (fokusområdet "Klar struktur og tydelige mål").',
      'se-efter':
        'Antal minutter, før eleverne er i gang. Hvor roligt overgangen foregår (skala 1–7). Om eleverne kan sige, hvad de skal bagefter.',
      slutdato: '',
    },
    afproevning: {
      erfaringer:
        'Signalet virkede fra første dag i 0.A og 1.A; i 3.B syntes eleverne, at det var "for småt", så de valgte selv et andet signal — det hjalp. Instruktionen på tavlen blev kortere for hver uge. Timeglasset gav diskussioner i begyndelsen, men i uge 3 bad eleverne selv om det. Det sværeste var overgangen efter frikvarteret, hvor vi ikke altid var i klassen, når eleverne kom ind.',
    },
    evaluering: {
      evaluering:
        'I observationerne efter forløbet var eleverne i gang efter 2–3 minutter mod 6–8 før, og overgangene blev vurderet roligere i alle fem klasser. Flest elever kunne sige, hvad de skulle bagefter. Effekten var størst i 0.–1. klasse; i 3. klasse kom den først, da eleverne var med til at vælge signalet.',
      laering:
        'Det er ikke signalet i sig selv, der virker, men at alle voksne gør det samme hver gang. Eleverne i de ældste klasser skal være med til at bestemme rutinen. Overgangen efter frikvarteret kræver, at en voksen tager imod i døren.',
    },
    beslutning: {
      beslutning:
        'Overgangen bliver fast praksis i indskolingen, også for vikarer (den står i vikarmappen). I næste forløb undersøger vi overgangen efter frikvarteret, hvor vi prøver at tage imod eleverne i døren.',
    },
  } as Record<string, Record<string, string>>,
  agreement: `- Vi møder hinanden med nysgerrighed, også når vi er uenige.
- Vi besøger hinandens klasser og giver feedback ud fra det, vi har aftalt at se efter.
- Vi beskriver, hvad vi så, før vi vurderer det.
- Det, der bliver sagt om en kollegas undervisning, bliver i teamet.
- Beslutninger skrives ned med navn og dato.`,
  table: {
    title: 'Minutter, før eleverne var i gang (gennemsnit af tre skift)',
    data: {
      columns: ['Klasse', 'Før (uge 0)', 'Efter (uge 4)'],
      rows: [
        ['0.A', '7', '2'],
        ['1.A', '6', '2'],
        ['1.B', '8', '3'],
        ['2.A', '6', '3'],
        ['3.B', '7', '4'],
      ],
    } satisfies EvidenceTable,
  },
  quote: 'Når timeglasset er løbet ud, skal man sidde klar. Det er nemmere, for så ved man, hvornår.',
  reflections: {
    laerer8:
      'Jeg blev overrasket over, hvor meget tid jeg selv brugte på at forklare overgangen hver gang. Med instruktionen på tavlen kunne jeg tie stille og vente.',
    laerer9:
      'I 1.A var det de urolige elever, der først lærte signalet — de holdt øje med timeglasset for de andre.',
    laerer12:
      'Mine 3.-klasses elever skulle være med til at bestemme. Det ændrede alt, og det tager jeg med ind i næste forløb.',
  } as Record<string, string>,
  note: {
    title: 'Fra teammødet i uge 2',
    body: 'Vi så videoen om tydelige overgange igen og sammenlignede med vores egne klasser. Vi besluttede at gøre instruktionen kortere: højst tre sætninger, og altid med et billede.',
  },
};

/** The practice story Indskolingsteamet made of its cycle: published to every kommune, reviewed by the editor. */
const KILDE_STORY = {
  title: 'Rolige overgange i indskolingen: ét signal, tre sætninger og et timeglas',
  context:
    'Fem klasser fra 0. til 3. klasse på Kildeskolen, en mellemstor folkeskole i Fjordby Kommune, og deres fem lærere i Indskolingsteamet. Overgangene mellem aktiviteter tog 6–8 minutter, før de fleste elever var i gang, og uroen ramte især de elever, der har brug for forudsigelighed. Vi arbejdede i fire uger i efteråret, uden ekstra ressourcer.',
  question: KILDE.question,
  tried:
    'Vores prøvehandling: alle fem klasser brugte den samme overgang i mindst tre skift om dagen i fire uger — et fælles lydsignal, én instruktion på højst tre sætninger, der også stod på tavlen med et billede, og et timeglas, der viste, hvor lang tid skiftet måtte tage. Vi besøgte hinanden før og i uge 4 med skolens observationsskema. I 3. klasse valgte eleverne selv signalet.',
  learned:
    'Eleverne var i gang efter 2–3 minutter mod 6–8 før, og overgangene blev roligere i alle fem klasser — mest i 0. og 1. klasse. Det er ikke signalet i sig selv, der virker, men at alle voksne gør det samme hver gang. De ældste elever skal være med til at bestemme rutinen. Overgangen efter frikvarteret kræver, at en voksen tager imod i døren — det undersøger vi i næste forløb.',
  materials:
    'Billedkort til tavlen ("signal", "det skal vi nu", "så lang tid"), et timeglas på tre minutter i hver klasse og en side til vikarmappen, der beskriver overgangen.',
  subject: 'Understøttende undervisning',
  methods: ['Klasseledelse', 'Aktionslæring'],
};

// ———————————————————————————————— helpers

type Person = { id: string; name: string };

async function loadPeople(tx: DbOrTx): Promise<(local: string) => Person> {
  const rows = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(like(users.email, `%@${DEMO_DOMAIN}`));
  const by = new Map(rows.map((r) => [r.email.slice(0, r.email.indexOf('@')), { id: r.id, name: r.name }]));
  return (local) => {
    const p = by.get(local);
    if (!p) throw new Error(`demo inquiry needs ${local} first`);
    return p;
  };
}

/** Answers to the first focus area's indicators of the school starter schema, calmer after the change. */
function transitionAnswers(def: SchemaDefinition, n: number, after: boolean) {
  const area = def.focusAreas[0];
  return area.indicators.map((i) => {
    if (i.type === 'yesno') return { key: i.key, value: after || n % 2 === 0 };
    if (i.type === 'count') return { key: i.key, value: after ? 2 + (n % 3) : 6 + (n % 3) };
    if (i.type === 'text')
      return {
        key: i.key,
        value: after
          ? 'Signal, tre sætninger på tavlen og timeglasset: eleverne var i gang, før det var løbet ud.'
          : 'Instruktionen blev gentaget flere gange, og mange elever spurgte, hvad de skulle.',
      };
    const scale = i.scale ?? { min: 1, max: 7 };
    // The transitions themselves change most; the rest of the lesson's structure a little.
    const value = i.text.startsWith('Overgange')
      ? after
        ? scale.max - 1 - (n % 2)
        : scale.min + 1 + (n % 2)
      : scale.min + 2 + (n % 2) + (after && n % 3 === 0 ? 1 : 0);
    return { key: i.key, value };
  });
}

const agenda = (items: [AgendaItem['move'], string, number][]): AgendaItem[] =>
  items.map(([move, title, minutes], i) => ({ id: `punkt-${i + 1}`, move, title, minutes }));

/** A cycle row as the cycle service would have written it (phases copied from the template). */
async function insertCycle(
  tx: DbOrTx,
  v: {
    teamId: string;
    templateKey: string;
    title: string;
    question: string;
    state: CycleState;
    content: Record<string, Record<string, string>>;
    createdBy: string;
    createdAt: Date;
    updatedAt: Date;
    finishedAt?: Date;
  },
): Promise<string> {
  const [t] = await tx
    .select({ id: inquiryTemplates.id, name: inquiryTemplates.name, phases: inquiryTemplates.phases })
    .from(inquiryTemplates)
    .where(eq(inquiryTemplates.key, v.templateKey));
  if (!t) throw new Error(`demo inquiry needs the built-in template ${v.templateKey} (syncBuiltinTemplates)`);
  const fieldKeys = new Set(t.phases.flatMap((p) => p.fields.map((f) => `${p.key}.${f.key}`)));
  for (const [phase, fields] of Object.entries(v.content))
    for (const field of Object.keys(fields))
      if (!fieldKeys.has(`${phase}.${field}`))
        throw new Error(`demo inquiry: ${v.templateKey} has no field ${phase}.${field}`);
  const id = randomUUID();
  await tx.insert(inquiryCycles).values({
    id,
    seriesId: id,
    teamId: v.teamId,
    templateId: t.id,
    templateName: t.name,
    phases: t.phases,
    title: v.title,
    question: v.question,
    state: v.state,
    content: v.content,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    finishedAt: v.finishedAt ?? null,
  });
  return id;
}

/** The ids of demo videos by slug (those the catalogue has: tests may seed a few only). */
async function videoIds(tx: DbOrTx, slugs: string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: videos.id, file: videos.originalFilename })
    .from(videos)
    .where(
      inArray(
        videos.originalFilename,
        slugs.map((s) => `demo-${s}.mp4`),
      ),
    );
  return new Map(rows.map((r) => [r.file.slice('demo-'.length, -'.mp4'.length), r.id]));
}

// ———————————————————————————————— the seed

/** Seeds the demo inquiry data once; true when it did. */
export async function seedDemoInquiry(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_INQUIRY_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const who = await loadPeople(tx);
    const teamRows = await tx
      .select({ id: teams.id, name: teams.name, institutionId: teams.institutionId })
      .from(teams)
      .where(inArray(teams.name, ['Matematikteamet', 'Indskolingsteamet']));
    const team = new Map(teamRows.map((t) => [t.name, t]));
    const math = team.get('Matematikteamet');
    const kilde = team.get('Indskolingsteamet');
    if (!math || !kilde) throw new Error('demo inquiry needs Matematikteamet and Indskolingsteamet first');
    const [boernehus] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(eq(institutions.name, 'Børnehuset Mælkebøtten'));
    if (!boernehus) throw new Error('demo inquiry needs Børnehuset Mælkebøtten first');
    const video = await videoIds(tx, ['talsnak', 'tydelige-overgange']);
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const inDays = (days: number) => day(new Date(now.getTime() + days * DAY));

    await seedMath(tx, { now, who, teamId: math.id, video: video.get('talsnak'), ago, inDays });
    await seedStue(tx, { who, institutionId: boernehus.id, ago, inDays });
    const finished = await seedKilde(tx, {
      now,
      who,
      teamId: kilde.id,
      institutionId: kilde.institutionId,
      video: video.get('tydelige-overgange'),
      ago,
    });
    await seedStory(tx, {
      ...finished,
      who,
      ago,
      teamId: kilde.id,
      institutionId: kilde.institutionId,
      video: video.get('tydelige-overgange'),
    });
    return true;
  });
}

type Ctx = {
  who: (local: string) => Person;
  ago: (days: number) => Date;
};

async function seedMath(
  tx: DbOrTx,
  c: Ctx & { now: Date; teamId: string; video?: string; inDays: (days: number) => string },
) {
  const { who, ago, inDays, teamId } = c;
  const mette = who('medarbejder');
  const rasmus = who('ressourceperson');
  const morten = who(MATH_COLLEAGUE);
  await tx.insert(teamMemberships).values({ teamId, userId: morten.id }).onConflictDoNothing();
  await tx
    .insert(teamSpaces)
    .values({ teamId, agreement: MATH.agreement, version: 2, updatedBy: rasmus.id, updatedAt: ago(30) });
  const content = { ...MATH.content, fokus: { ...MATH.content.fokus, analysedato: inDays(12) } };
  const cycleId = await insertCycle(tx, {
    teamId,
    templateKey: 'laeringscirklen',
    title: MATH.title,
    question: MATH.question,
    state: 'under',
    content,
    createdBy: mette.id,
    createdAt: ago(21),
    updatedAt: ago(2),
  });

  // Mette's two visits in the observation data: last term's by the leader, this term's by Rasmus (he sees his own).
  const visits = await tx
    .select({ id: observationVisits.id, observerId: observationVisits.observerId })
    .from(observationVisits)
    .where(
      and(
        eq(observationVisits.teacherId, mette.id),
        eq(observationVisits.kind, 'visit'),
        eq(observationVisits.status, 'completed'),
      ),
    )
    .orderBy(observationVisits.plannedFor);
  const evidence: (typeof inquiryEvidence.$inferInsert)[] = visits.slice(-2).map((v, i) => ({
    cycleId,
    kind: 'visit' as const,
    visitId: v.id,
    addedBy: mette.id,
    createdAt: ago(14 - i * 5),
  }));
  if (c.video)
    evidence.push({ cycleId, kind: 'video', videoId: c.video, addedBy: mette.id, createdAt: ago(10) });
  evidence.push(
    { cycleId, kind: 'table', ...MATH.table, addedBy: rasmus.id, createdAt: ago(6) },
    { cycleId, kind: 'quote', body: MATH.quote, addedBy: morten.id, createdAt: ago(4) },
    { cycleId, kind: 'note', ...MATH.note, addedBy: mette.id, createdAt: ago(3) },
  );
  await tx.insert(inquiryEvidence).values(evidence);

  // Last week's meeting (ended: the roles it had) and next week's, the roles rotated on alphabetically.
  const last = ago(7);
  last.setUTCHours(13, 0, 0, 0);
  const next = new Date(last.getTime() + 14 * DAY);
  const [lastMeeting, nextMeeting] = await tx
    .insert(teamMeetings)
    .values([
      {
        teamId,
        cycleId,
        title: 'Teammøde: vi vælger data',
        startsAt: last,
        purpose:
          'At blive enige om, hvilke data vi indsamler om elevernes forklaringer, og hvem der gør hvad.',
        agenda: agenda([
          ['stage', 'Formål, roller og tid', 5],
          ['participation', 'Runde: hvad sagde eleverne i talsnak?', 15],
          ['participation', 'Hvilke data viser ræsonnementer?', 15],
          ['respond', 'Tak for i dag: hvad tager vi med?', 5],
          ['respond', 'Hvem gør hvad til næste gang', 5],
        ]),
        facilitatorId: mette.id,
        timekeeperId: morten.id,
        dataholderId: rasmus.id,
        state: 'ended' as const,
        notes:
          'Vi tæller forklaringer i talsnak i 3.A og samler skriftlige forklaringer i 3.B. Rasmus observerer Mettes talsnak. Vi analyserer data sammen om to uger.',
        createdBy: mette.id,
        createdAt: ago(12),
        startedAt: last,
        endedAt: new Date(last.getTime() + 50 * 60_000),
      },
      {
        teamId,
        cycleId,
        title: 'Teammøde: hvad viser elevernes forklaringer?',
        startsAt: next,
        purpose:
          'At se på de første data sammen og beskrive, hvad eleverne gør, når de forklarer — før vi tolker.',
        agenda: agenda([
          ['stage', 'Formål, roller og samarbejdsaftale', 5],
          ['stage', 'Dataholderen viser data', 5],
          ['participation', 'Runde: hvad ser du i data?', 15],
          ['participation', 'Runde: hvad overrasker dig?', 15],
          ['respond', 'Anerkendelse af hinandens idéer', 5],
          ['respond', 'Næste skridt: hvem gør hvad?', 10],
        ]),
        facilitatorId: morten.id,
        timekeeperId: rasmus.id,
        dataholderId: mette.id,
        createdBy: morten.id,
        createdAt: ago(2),
      },
    ])
    .returning({ id: teamMeetings.id });
  await tx.insert(meetingDecisions).values({
    meetingId: lastMeeting.id,
    body: 'Vi tæller i tre talsnak-lektioner, hvor mange elever der forklarer en strategi med egne ord, og skriver ingen navne.',
    createdBy: mette.id,
    createdAt: new Date(last.getTime() + 40 * 60_000),
  });

  // The data plan (two owners, due dates and reminders) and the open action item from last week's meeting.
  await tx.insert(inquiryTasks).values([
    {
      teamId,
      cycleId,
      kind: 'data' as const,
      title: 'Optag en talsnak i 3.A og del videoen i teamet',
      ownerId: mette.id,
      dueOn: day(ago(8)),
      analyseOn: inDays(12),
      doneAt: ago(9),
      position: 0,
      createdBy: mette.id,
      createdAt: ago(12),
    },
    {
      teamId,
      cycleId,
      kind: 'data' as const,
      title: 'Tæl forklaringer i tre talsnak-lektioner i 3.A (hele klassen, ingen navne)',
      ownerId: mette.id,
      dueOn: inDays(3),
      analyseOn: inDays(12),
      remindDays: 3,
      position: 1,
      createdBy: mette.id,
      createdAt: ago(12),
    },
    {
      teamId,
      cycleId,
      kind: 'data' as const,
      title: 'Saml elevernes skriftlige forklaringer på to opgaver i 3.B',
      ownerId: morten.id,
      dueOn: inDays(9),
      analyseOn: inDays(12),
      remindDays: 2,
      position: 2,
      createdBy: mette.id,
      createdAt: ago(12),
    },
    {
      teamId,
      cycleId,
      meetingId: lastMeeting.id,
      kind: 'action' as const,
      title: 'Find en kort tekst om matematiksamtaler i klassen til næste møde',
      ownerId: rasmus.id,
      dueOn: inDays(6),
      remindDays: 1,
      position: 3,
      createdBy: mette.id,
      createdAt: last,
    },
  ]);
  return { cycleId, nextMeetingId: nextMeeting.id };
}

async function seedStue(tx: DbOrTx, c: Ctx & { institutionId: string; inDays: (days: number) => string }) {
  const { who, ago, inDays } = c;
  const mads = who('medarbejder2');
  const emma = who('emma.krogh');
  const pernille = who('pernille.holm');
  const [stue] = await tx
    .insert(teams)
    .values({ name: DEMO_STUE, type: 'stue', institutionId: c.institutionId, createdAt: ago(120) })
    .returning({ id: teams.id });
  await tx
    .insert(teamMemberships)
    .values([mads, emma, pernille].map((p) => ({ teamId: stue.id, userId: p.id })));
  await tx.insert(teamSpaces).values({
    teamId: stue.id,
    agreement: STUE.agreement,
    version: 1,
    updatedBy: mads.id,
    updatedAt: ago(20),
  });
  const content = {
    ...STUE.content,
    laeringsmiljoe: { ...STUE.content.laeringsmiljoe, evalueringsdato: inDays(28) },
  };
  const cycleId = await insertCycle(tx, {
    teamId: stue.id,
    templateKey: 'progressionsmodellen',
    title: STUE.title,
    question: STUE.question,
    state: 'foer',
    content,
    createdBy: mads.id,
    createdAt: ago(9),
    updatedAt: ago(1),
  });
  await tx.insert(inquiryEvidence).values({
    cycleId,
    kind: 'note',
    ...STUE.note,
    addedBy: mads.id,
    createdAt: ago(5),
  });
  await tx.insert(inquiryTasks).values([
    {
      teamId: stue.id,
      cycleId,
      kind: 'data' as const,
      title: 'Observér overgangen fra garderobe til samling to gange om ugen (ventetid, hvem taler)',
      ownerId: mads.id,
      dueOn: inDays(10),
      analyseOn: inDays(14),
      position: 0,
      createdBy: mads.id,
      createdAt: ago(8),
    },
    {
      teamId: stue.id,
      cycleId,
      kind: 'data' as const,
      title: 'Små børneinterviews om samlingen: hvad kan du lide, hvad er svært? (ingen navne)',
      ownerId: emma.id,
      dueOn: inDays(12),
      analyseOn: inDays(14),
      position: 1,
      createdBy: mads.id,
      createdAt: ago(8),
    },
    {
      teamId: stue.id,
      cycleId,
      kind: 'action' as const,
      title: 'Lån billedtavlen fra Børnehaven og sæt den op ved samlingen',
      ownerId: pernille.id,
      dueOn: inDays(4),
      position: 2,
      createdBy: mads.id,
      createdAt: ago(5),
    },
  ]);
  return { teamId: stue.id, cycleId };
}

async function seedKilde(
  tx: DbOrTx,
  c: Ctx & { now: Date; teamId: string; institutionId: string; video?: string },
) {
  const { who, ago, teamId } = c;
  const members = KILDE_TEAM.map(who);
  const [lead] = members;
  await tx
    .insert(teamSpaces)
    .values({ teamId, agreement: KILDE.agreement, version: 3, updatedBy: lead.id, updatedAt: ago(90) });

  // The colleagues visit each other before the change (about eight weeks ago) and in its fourth week.
  const [schema] = await tx
    .select({ id: observationSchemas.id, definition: observationSchemas.definition })
    .from(observationSchemas)
    .where(eq(observationSchemas.institutionId, c.institutionId))
    .orderBy(observationSchemas.version);
  if (!schema) throw new Error('demo inquiry needs the observation schema of Kildeskolen first');
  const definition = schema.definition as SchemaDefinition;
  const beforeDay = ago(56);
  const afterDay = ago(24);
  const visitsOf = (at: Date, after: boolean) =>
    members.map((m, n) => ({
      institutionId: c.institutionId,
      schemaId: schema.id,
      definition,
      teacherId: m.id,
      observerId: members[(n + 1) % members.length].id,
      plannedFor: day(new Date(at.getTime() + n * DAY)),
      subject: 'Dansk',
      grade: Number.parseInt(KILDE_CLASSES[n], 10),
      classLabel: KILDE_CLASSES[n],
      focusAreaKeys: [definition.focusAreas[0].key],
      answers: transitionAnswers(definition, n, after),
      notes: after
        ? 'Signalet og timeglasset blev brugt i alle skift. Eleverne vidste, hvad de skulle bagefter.'
        : 'Overgangen fra samling til arbejde tog lang tid; instruktionen blev gentaget flere gange.',
    }));
  const visitIds = await insertVisits(tx, [...visitsOf(beforeDay, false), ...visitsOf(afterDay, true)]);
  const splitOn = day(ago(40));

  const cycleId = await insertCycle(tx, {
    teamId,
    templateKey: 'proevehandling',
    title: KILDE.title,
    question: KILDE.question,
    state: 'afsluttet',
    content: {
      ...KILDE.content,
      plan: { ...KILDE.content.plan, slutdato: day(ago(22)) },
    },
    createdBy: lead.id,
    createdAt: ago(63),
    updatedAt: ago(14),
    finishedAt: ago(14),
  });
  const evidence: (typeof inquiryEvidence.$inferInsert)[] = visitIds.map((visitId, i) => ({
    cycleId,
    kind: 'visit' as const,
    visitId,
    // The visited teacher links their own visit.
    addedBy: members[i % members.length].id,
    createdAt: i < members.length ? ago(50) : ago(18),
  }));
  if (c.video)
    evidence.push({ cycleId, kind: 'video', videoId: c.video, addedBy: lead.id, createdAt: ago(60) });
  evidence.push(
    { cycleId, kind: 'table', ...KILDE.table, addedBy: lead.id, createdAt: ago(16) },
    { cycleId, kind: 'quote', body: KILDE.quote, addedBy: members[1].id, createdAt: ago(30) },
    { cycleId, kind: 'note', ...KILDE.note, addedBy: members[2].id, createdAt: ago(45) },
  );
  await tx.insert(inquiryEvidence).values(evidence);
  await tx.insert(inquiryReflections).values(
    Object.entries(KILDE.reflections).map(([local, body]) => ({
      cycleId,
      userId: who(local).id,
      body,
      updatedAt: ago(16),
    })),
  );
  await tx.insert(inquiryTasks).values([
    {
      teamId,
      cycleId,
      kind: 'data' as const,
      title: 'Kollegial observation før forløbet (fokus: klar struktur)',
      ownerId: lead.id,
      dueOn: day(ago(50)),
      analyseOn: day(ago(48)),
      doneAt: ago(50),
      position: 0,
      createdBy: lead.id,
      createdAt: ago(62),
    },
    {
      teamId,
      cycleId,
      kind: 'data' as const,
      title: 'Kollegial observation i uge 4',
      ownerId: members[1].id,
      dueOn: day(ago(19)),
      analyseOn: day(ago(17)),
      doneAt: ago(19),
      position: 1,
      createdBy: lead.id,
      createdAt: ago(62),
    },
    {
      teamId,
      cycleId,
      kind: 'action' as const,
      title: 'Skriv overgangen ind i vikarmappen',
      ownerId: members[3].id,
      dueOn: day(ago(10)),
      doneAt: ago(11),
      position: 2,
      createdBy: lead.id,
      createdAt: ago(16),
    },
  ]);
  return { cycleId, splitOn };
}

/**
 * Indskolingsteamet's cycle as a published practice story: for every kommune ('all'), reviewed and published by
 * the editor (redaktoer), with its subject, methods, age band, the public video it drew on and the day that splits
 * its visits into before and after (so the story shows figures on both sides). Its search document is built like
 * every story's, so search finds it.
 */
async function seedStory(
  tx: DbOrTx,
  c: Ctx & {
    cycleId: string;
    splitOn: string;
    teamId: string;
    institutionId: string;
    video?: string;
  },
) {
  const { who, ago } = c;
  const [place] = await tx
    .select({ kommuneId: institutions.kommuneId })
    .from(institutions)
    .where(eq(institutions.id, c.institutionId));
  const terms = await tx
    .select({ id: taxonomyTerms.id, kind: taxonomyTerms.kind, label: taxonomyTerms.label })
    .from(taxonomyTerms)
    .where(inArray(taxonomyTerms.label, [KILDE_STORY.subject, ...KILDE_STORY.methods]));
  const term = (kind: string, label: string) => {
    const t = terms.find((x) => x.kind === kind && x.label === label);
    if (!t) throw new Error(`demo story: no ${kind} "${label}" in the taxonomy`);
    return t.id;
  };
  const pillars = c.video
    ? (await tx.select({ pillars: videos.pillars }).from(videos).where(eq(videos.id, c.video)))[0].pillars
    : [];
  const { subject, methods, ...text } = KILDE_STORY;
  const [story] = await tx
    .insert(practiceStories)
    .values({
      ...text,
      cycleId: c.cycleId,
      teamId: c.teamId,
      institutionId: c.institutionId,
      kommuneId: place.kommuneId,
      templateName: 'Prøvehandling',
      subjectId: term('subject', subject),
      ageBands: ['kl0-3'],
      pillars,
      state: 'published',
      visibility: 'all',
      dataSplitOn: c.splitOn,
      version: 3,
      reviewedBy: who('redaktoer').id,
      submittedAt: ago(12),
      publishedAt: ago(10),
      updatedBy: who(KILDE_TEAM[0]).id,
      updatedAt: ago(10),
      createdAt: ago(13),
    })
    .returning({ id: practiceStories.id });
  await tx
    .insert(storyMethods)
    .values(methods.map((m) => ({ storyId: story.id, termId: term('method', m) })));
  if (c.video) await tx.insert(storyVideos).values({ storyId: story.id, videoId: c.video, position: 0 });
  await refreshStorySearchDocument(tx, story.id);
}
