import { type InquiryPhase, TemplatePhases } from '../../../../shared/contracts/inquiry.js';
import type { INQUIRY_KINDS, InquiryFieldKind } from '../../../../shared/inquiry.js';

/*
 * The five built-in cycle templates (issue 16, T2): data, not code, written for Amongi in Danish. Start-up
 * (sync.ts) keeps the inquiry_templates rows with these keys in step with this file; a cycle keeps the phases it
 * started with. Every template runs før → under → efter and is checked by the TemplatePhases contract when this
 * file loads (a mistake here stops the server at once rather than reaching a team).
 */

type Kind = (typeof INQUIRY_KINDS)[number];
type FieldInput = { key: string; label: string; kind: InquiryFieldKind; help?: string; required?: boolean };
type PhaseInput = Omit<InquiryPhase, 'fields' | 'intro' | 'prompts'> & {
  intro: string;
  prompts: string[];
  fields: FieldInput[];
};
export type BuiltinTemplate = {
  key: string;
  name: string;
  description: string;
  kinds: Kind[];
  phases: InquiryPhase[];
};

const ALL: Kind[] = ['skole', 'dagtilbud', 'klub'];

const field = (key: string, label: string, kind: InquiryFieldKind, help = '', required = false) => ({
  key,
  label,
  kind,
  help,
  required,
});
const req = (key: string, label: string, kind: InquiryFieldKind, help = '') =>
  field(key, label, kind, help, true);

const DATAPLAN_NOTE =
  'Skriv hver linje i dataplanen som en opgave: hvilke data, hvem der indsamler dem, hvornår de skal være klar, og hvornår I analyserer dem sammen. Den ansvarlige får en påmindelse.';

const laeringscirklen: PhaseInput[] = [
  {
    key: 'nysgerrighed',
    stage: 'foer',
    title: 'Nysgerrighed og spørgsmål',
    intro:
      'Begynd med det, I undrer jer over i jeres praksis. Sæt ord på jeres antagelser, før I ser på data, så I kan se, om de holder.',
    prompts: [
      'Hvad undrer os, når vi ser på vores praksis lige nu?',
      'Hvad tror vi er forklaringen — og hvad bygger vi det på?',
      'Hvilket spørgsmål kan vi faktisk undersøge i løbet af de næste uger?',
    ],
    fields: [
      req('undren', 'Det undrer os', 'text'),
      field(
        'antagelser',
        'Vores antagelser',
        'text',
        'Det, I tror på forhånd. I vender tilbage til det i analysen.',
      ),
    ],
  },
  {
    key: 'fokus',
    stage: 'foer',
    title: 'Indsaml og fokusér data',
    intro: `Vælg de data, der kan belyse spørgsmålet, og fokusér: hellere få data, I når at se på, end mange, der bliver liggende. ${DATAPLAN_NOTE}`,
    prompts: [
      'Hvilke data har vi allerede, og hvad mangler vi?',
      'Hvad skal vi se efter, når vi observerer eller spørger børn og unge?',
      'Hvordan sikrer vi, at vi ikke kun finder det, vi leder efter?',
    ],
    fields: [
      req('fokus', 'Det ser vi efter', 'text'),
      field(
        'datakilder',
        'Datakilder',
        'text',
        'F.eks. observationer, elev- eller børneinterviews, videoer, opgaver, tal.',
      ),
      field('analysedato', 'Vi analyserer data sammen den', 'date'),
    ],
  },
  {
    key: 'indsamling',
    stage: 'under',
    title: 'Data undervejs',
    intro:
      'Indsaml data som aftalt, og læg dem ind i forløbet: besøg, videoer, filer, små tabeller, citater (aldrig navne) og noter.',
    prompts: ['Hvad har vi set og hørt indtil nu?', 'Skal dataplanen justeres?'],
    fields: [
      field('observationer', 'Det har vi set og hørt', 'text'),
      field('justeringer', 'Justeringer af dataplanen', 'text'),
    ],
  },
  {
    key: 'analyse',
    stage: 'efter',
    title: 'Analyse',
    intro:
      'Se på data sammen. Lad alle komme til orde, før I tolker: beskriv først, hvad I ser, og forklar det bagefter.',
    prompts: [
      'Hvad viser data — og hvad viser de ikke?',
      'Hvad overrasker os?',
      'Holdt vores antagelser?',
      'Hvilke mønstre går igen hos flere børn og unge?',
    ],
    fields: [req('moenstre', 'Det viser data', 'text'), field('forklaringer', 'Mulige forklaringer', 'text')],
  },
  {
    key: 'ny-viden',
    stage: 'efter',
    title: 'Ny viden',
    intro: 'Saml det, I er blevet klogere på. Det er grundlaget for jeres prøvehandling.',
    prompts: [
      'Hvad ved vi nu, som vi ikke vidste før?',
      'Hvad kan vi bruge fra forskning eller andre teams?',
    ],
    fields: [req('ny-viden', 'Det er vi blevet klogere på', 'text')],
  },
  {
    key: 'proevehandling',
    stage: 'efter',
    title: 'Prøvehandling',
    intro:
      'Beslut én konkret handling, I vil prøve i praksis, og hvordan I vil kunne se, om den gør en forskel.',
    prompts: [
      'Hvad gør vi anderledes, og hvem gør hvad?',
      'Hvilke tegn hos børn og unge vil vise, at det virker?',
    ],
    fields: [
      req('handling', 'Det vil vi prøve', 'text'),
      field('tegn', 'Tegn på, at det virker', 'text'),
      field('start', 'Vi begynder den', 'date'),
    ],
  },
  {
    key: 'evaluering',
    stage: 'efter',
    title: 'Evaluering og næste runde',
    intro:
      'Evaluer prøvehandlingen: hvad virkede for hvem, under hvilke omstændigheder? Start derefter næste runde, hvor spørgsmålet og dataplanen følger med.',
    prompts: ['Hvad skete der, da vi prøvede?', 'Hvad fortsætter vi med, og hvad justerer vi?'],
    fields: [
      req('evaluering', 'Det skete, da vi prøvede', 'text'),
      field('naeste-spoergsmaal', 'Spørgsmål til næste runde', 'line'),
    ],
  },
];

const smtte: PhaseInput[] = [
  {
    key: 'sammenhaeng',
    stage: 'foer',
    title: 'Sammenhæng',
    intro:
      'Beskriv den situation, I står i: børn og unge, rammer, tidligere erfaringer og det, der optager jer.',
    prompts: [
      'Hvad kendetegner situationen lige nu?',
      'Hvorfor er det vigtigt for os at arbejde med netop dette?',
    ],
    fields: [
      req('sammenhaeng', 'Vores sammenhæng', 'text'),
      field('spoergsmaal', 'Det vil vi undersøge', 'line'),
    ],
  },
  {
    key: 'maal',
    stage: 'foer',
    title: 'Mål',
    intro: 'Formulér, hvad I vil opnå. Et godt mål siger, hvad der skal være anderledes for børn og unge.',
    prompts: ['Hvad skal børn og unge kunne eller opleve, som de ikke kan eller oplever i dag?'],
    fields: [req('maal', 'Vores mål', 'text')],
  },
  {
    key: 'tegn',
    stage: 'foer',
    title: 'Tegn',
    intro: `Beskriv de tegn, der viser, at I nærmer jer målet — noget, man kan se eller høre. ${DATAPLAN_NOTE}`,
    prompts: ['Hvad vil vi se og høre, når det lykkes?', 'Hvordan indsamler vi tegnene?'],
    fields: [
      req('tegn', 'Tegn på, at vi nærmer os målet', 'text'),
      field('analysedato', 'Vi ser på tegnene den', 'date'),
    ],
  },
  {
    key: 'tiltag',
    stage: 'under',
    title: 'Tiltag',
    intro: 'Sæt tiltagene i gang, og saml data om tegnene undervejs.',
    prompts: ['Hvad gør vi konkret, og hvem gør hvad?', 'Hvad ser vi af tegn indtil nu?'],
    fields: [req('tiltag', 'Vores tiltag', 'text'), field('undervejs', 'Det ser vi undervejs', 'text')],
  },
  {
    key: 'evaluering',
    stage: 'efter',
    title: 'Evaluering',
    intro: 'Hold tegnene op mod målet. Evalueringen er udgangspunktet for jeres næste sammenhæng.',
    prompts: [
      'Hvilke tegn så vi — og hvilke udeblev?',
      'Hvad virkede for hvem, under hvilke omstændigheder?',
      'Hvad gør vi nu?',
    ],
    fields: [req('evaluering', 'Det viser tegnene', 'text'), field('naeste-skridt', 'Næste skridt', 'text')],
  },
];

const proevehandling: PhaseInput[] = [
  {
    key: 'udfordring',
    stage: 'foer',
    title: 'Udfordring og idé',
    intro:
      'En prøvehandling er et lille, afgrænset forsøg i jeres egen praksis. Begynd med udfordringen og jeres idé til, hvad der kunne gøre en forskel.',
    prompts: [
      'Hvilken udfordring vil vi gøre noget ved?',
      'Hvad vil vi prøve — og hvorfor tror vi, det kan virke?',
    ],
    fields: [
      req('udfordring', 'Udfordringen', 'text'),
      req('ide', 'Det vil vi prøve', 'text'),
      field('begrundelse', 'Derfor tror vi, det virker', 'text'),
    ],
  },
  {
    key: 'plan',
    stage: 'foer',
    title: 'Plan',
    intro: `Gør forsøget så konkret, at alle ved, hvad de skal gøre, og hvad I ser efter. ${DATAPLAN_NOTE}`,
    prompts: ['Hvem prøver hvad, hvornår og hvor længe?', 'Hvad ser vi efter hos børn og unge?'],
    fields: [
      req('plan', 'Sådan gør vi', 'text'),
      field('se-efter', 'Det ser vi efter', 'text'),
      field('slutdato', 'Forsøget slutter den', 'date'),
    ],
  },
  {
    key: 'afproevning',
    stage: 'under',
    title: 'Afprøvning',
    intro: 'Prøv handlingen af, og skriv ned, hvad der sker — også det, der ikke gik som planlagt.',
    prompts: ['Hvordan reagerede børn og unge?', 'Hvad gjorde vi anderledes end planlagt, og hvorfor?'],
    fields: [field('erfaringer', 'Det skete', 'text')],
  },
  {
    key: 'evaluering',
    stage: 'efter',
    title: 'Evaluering',
    intro: 'Se på jeres data sammen, og vurder, om prøvehandlingen gjorde en forskel.',
    prompts: [
      'Virkede det — for hvem, og under hvilke omstændigheder?',
      'Hvad lærte vi, som andre kan bruge?',
    ],
    fields: [req('evaluering', 'Det viser vores data', 'text'), field('laering', 'Det har vi lært', 'text')],
  },
  {
    key: 'beslutning',
    stage: 'efter',
    title: 'Beslutning',
    intro: 'Beslut, hvad der skal ske nu: fortsætte, justere og prøve igen, eller stoppe.',
    prompts: ['Gør vi det til fast praksis?', 'Hvad skal vi prøve i næste runde?'],
    fields: [req('beslutning', 'Vores beslutning', 'text')],
  },
];

const positiveAfvigelser: PhaseInput[] = [
  {
    key: 'det-oenskede',
    stage: 'foer',
    title: 'Det ønskede',
    intro:
      'I stedet for at lede efter fejl leder I efter steder, hvor det allerede lykkes — på trods af de samme vilkår som alle andre. Begynd med at beskrive, hvad I gerne vil have mere af.',
    prompts: ['Hvad vil vi gerne se mere af hos børn og unge?', 'Hvordan ser det ud, når det lykkes?'],
    fields: [req('oenskede', 'Det vil vi have mere af', 'text')],
  },
  {
    key: 'find-afvigelserne',
    stage: 'foer',
    title: 'Find afvigelserne',
    intro: `Find situationer, grupper eller kolleger, hvor det allerede virker. ${DATAPLAN_NOTE}`,
    prompts: [
      'Hvor lykkes det allerede — hvornår, med hvem, i hvilke situationer?',
      'Hvordan kan vi se det i data, og ikke kun i vores fornemmelse?',
    ],
    fields: [req('afvigelser', 'Her lykkes det allerede', 'text')],
  },
  {
    key: 'undersoeg',
    stage: 'under',
    title: 'Undersøg, hvad de gør',
    intro:
      'Observer og spørg: hvad gør de, der lykkes, anderledes? Det er ofte små, konkrete handlinger, som ingen har tænkt over.',
    prompts: ['Hvad gør de konkret?', 'Hvad siger børn og unge selv om det, der virker?'],
    fields: [req('praksis', 'Det gør de anderledes', 'text')],
  },
  {
    key: 'laer',
    stage: 'efter',
    title: 'Det kan vi lære',
    intro: 'Saml de handlinger, der kan overføres, og beslut, hvem der prøver hvad.',
    prompts: ['Hvilke handlinger kan andre af os prøve?', 'Hvem prøver hvad, og hvornår?'],
    fields: [req('laering', 'Det kan vi lære', 'text'), field('proevehandling', 'Det prøver vi', 'text')],
  },
  {
    key: 'evaluering',
    stage: 'efter',
    title: 'Evaluering',
    intro: 'Vurder, om de overførte handlinger gav flere af de gode situationer.',
    prompts: ['Ser vi mere af det ønskede nu?', 'Hvor lykkes det stadig ikke, og hvorfor?'],
    fields: [req('evaluering', 'Det viser data', 'text'), field('naeste-skridt', 'Næste skridt', 'text')],
  },
];

const GROUP_HELP = 'Skriv om børnegruppen, aldrig om et enkelt navngivet barn.';
const progressionsmodellen: PhaseInput[] = [
  {
    key: 'udgangspunkt',
    stage: 'foer',
    title: 'Udgangspunkt',
    intro:
      'Progressionsmodellen følger børnegruppens trivsel, læring og udvikling sammen med læringsmiljøet. Den er ikke en handleplan for et enkelt barn: selv når det er et enkelt barns situation, der vækker jeres opmærksomhed, retter indsatsen sig mod gruppen og læringsmiljøet.',
    prompts: [
      'Hvad ser vi i børnegruppen lige nu?',
      'Hvilke data har vi om børnenes trivsel, læring og udvikling?',
      'Hvordan ser læringsmiljøet ud i de situationer, det handler om?',
    ],
    fields: [
      req('udgangspunkt', 'Det ser vi i børnegruppen', 'text', GROUP_HELP),
      field('spoergsmaal', 'Det vil vi blive klogere på', 'line'),
    ],
  },
  {
    key: 'maal-og-tegn',
    stage: 'foer',
    title: 'Mål og tegn',
    intro:
      'Beskriv, hvad børnene skal opleve eller kunne, og hvilke tegn hos børnene der viser, at I er på vej.',
    prompts: ['Hvad skal være anderledes for børnegruppen?', 'Hvad vil børnene vise, når det lykkes?'],
    fields: [
      req('maal', 'Mål for børnegruppen', 'text', GROUP_HELP),
      req('tegn', 'Tegn hos børnene', 'text'),
    ],
  },
  {
    key: 'laeringsmiljoe',
    stage: 'foer',
    title: 'Læringsmiljøet',
    intro: `Beslut, hvordan I ændrer læringsmiljøet og jeres pædagogiske handlinger, og hvilke data I indsamler om både læringsmiljøet og børnenes progression. ${DATAPLAN_NOTE}`,
    prompts: [
      'Hvad gør vi anderledes i hverdagens rutiner, lege og aktiviteter?',
      'Hvordan indsamler vi data om læringsmiljøet — og om børnenes progression?',
    ],
    fields: [
      req('handlinger', 'Vores pædagogiske handlinger', 'text'),
      field('data', 'Data vi indsamler', 'text', 'Både om læringsmiljøet og om børnenes progression.'),
      field('evalueringsdato', 'Vi evaluerer den', 'date'),
    ],
  },
  {
    key: 'data-undervejs',
    stage: 'under',
    title: 'Data undervejs',
    intro: 'Saml data løbende: det, I gjorde i læringsmiljøet, og det, børnene viste.',
    prompts: ['Hvad gjorde vi, og hvordan gik det?', 'Hvordan reagerede børnene?'],
    fields: [
      field('laeringsmiljoe', 'Data om læringsmiljøet', 'text'),
      field('progression', 'Data om børnenes progression', 'text', GROUP_HELP),
    ],
  },
  {
    key: 'evaluering',
    stage: 'efter',
    title: 'Evaluering',
    intro:
      'Hold børnenes reaktioner op mod jeres handlinger i læringsmiljøet: hvad virker for hvem, under hvilke omstændigheder?',
    prompts: [
      'Hvilke tegn så vi hos børnene?',
      'Hvilke handlinger gjorde en forskel — og for hvem?',
      'Hvad har vi lært om sammenhængen mellem læringsmiljøet og børnenes progression?',
    ],
    fields: [
      req('evaluering', 'Det viser vores data', 'text', GROUP_HELP),
      field('laering', 'Det har vi lært', 'text'),
    ],
  },
  {
    key: 'naeste-skridt',
    stage: 'efter',
    title: 'Næste skridt',
    intro: 'Beslut, hvad der bliver en del af hverdagen, og hvad I vil undersøge i næste runde.',
    prompts: ['Hvad fortsætter vi med?', 'Hvad justerer vi?'],
    fields: [req('naeste-skridt', 'Vores næste skridt', 'text')],
  },
];

const RAW: (Omit<BuiltinTemplate, 'phases'> & { phases: PhaseInput[] })[] = [
  {
    key: 'laeringscirklen',
    name: 'Læringscirklen',
    description:
      'Fra nysgerrighed og et undersøgelsesspørgsmål over indsamlede og fokuserede data til analyse, ny viden, en prøvehandling og evaluering — og så næste runde.',
    kinds: ALL,
    phases: laeringscirklen,
  },
  {
    key: 'smtte',
    name: 'SMTTE',
    description:
      'Sammenhæng, Mål, Tegn, Tiltag og Evaluering: en model til at planlægge og evaluere en indsats, hvor tegnene viser, om I nærmer jer målet.',
    kinds: ALL,
    phases: smtte,
  },
  {
    key: 'proevehandling',
    name: 'Prøvehandling',
    description:
      'Et lille, afgrænset forsøg i jeres egen praksis: udfordring og idé, en konkret plan, afprøvning og en fælles evaluering, der ender i en beslutning.',
    kinds: ALL,
    phases: proevehandling,
  },
  {
    key: 'positive-afvigelser',
    name: 'Positive afvigelser',
    description:
      'Find de steder, hvor det allerede lykkes på trods af de samme vilkår, undersøg hvad der gøres anderledes, og lær af det.',
    kinds: ALL,
    phases: positiveAfvigelser,
  },
  {
    key: 'progressionsmodellen',
    name: 'Progressionsmodellen for dagtilbud',
    description:
      'Data om læringsmiljøet og om børnenes progression, rettet mod børnegruppen — aldrig en handleplan for et enkelt barn.',
    kinds: ['dagtilbud'],
    phases: progressionsmodellen,
  },
];

/** The built-in templates, each checked by the TemplatePhases contract (throws at load on a mistake). */
export const BUILTIN_TEMPLATES: BuiltinTemplate[] = RAW.map((t) => {
  const parsed = TemplatePhases.safeParse(t.phases);
  if (!parsed.success) throw new Error(`built-in template ${t.key}: ${parsed.error.message}`);
  return { ...t, phases: parsed.data };
});
