import type { PackageItemKind, PackageVisibility } from '../../shared/catalogue.js';

/** Curated collections on the home page (made by the demo editor), videos by slug in order. */
export const DEMO_COLLECTIONS: { title: string; description: string; videos: string[] }[] = [
  {
    title: 'Kom godt i gang med feedback',
    description:
      'Fem korte klip om feedback, som eleverne kan bruge med det samme: fra exit tickets til bandøvning.',
    videos: [
      'opsamling-laeringsmaal',
      'exit-tickets-engelsk',
      'fransk-udtale',
      'cellemodeller',
      'bandoevning',
    ],
  },
  {
    title: 'Udeliv, krop og sanser i dagtilbud',
    description:
      'Fra regnvejr og skovbund til motorikbanen i puderummet: hverdagens bevægelse med de mindste.',
    videos: ['udeliv-regnvejr', 'skovbunden', 'motorikbane', 'morgengymnastik', 'garderoben'],
  },
  {
    title: 'Trygge rammer fra første minut',
    description: 'Klasseledelse i praksis: rutiner, signaler og overgange, der giver ro til læring.',
    videos: [
      'debatregler',
      'fysiklokalet',
      'idraet-fem-minutter',
      'vaerkstedsrutiner',
      'bevaegelsesbaand',
      'tydelige-overgange',
    ],
  },
];

export type DemoPackage = {
  title: string;
  description: string;
  facilitationGuide: string;
  owner: string;
  /** With the owner's institution and kommune (institution or kommune visibility). */
  local: boolean;
  visibility: PackageVisibility;
  daysAgo: number;
  /** [kind, title (text items), body, video slug (video items)]. */
  items: [PackageItemKind, string, string, string?][];
};

export const DEMO_PACKAGES: DemoPackage[] = [
  {
    title: 'Feedback der flytter læring',
    description:
      'Et teammøde på 45 minutter om feedback og opsamling: to videoer, tre refleksionsspørgsmål og en aftale om, hvad I vil prøve i næste uge.',
    facilitationGuide: [
      'Før mødet: Vælg en facilitator og en tidstager. Se gerne videoerne hver for sig på forhånd.',
      'Start (5 min): Læs formålet op. Hver deltager siger én ting, de allerede gør for at give feedback.',
      'Videoerne (15 min): Se én video ad gangen. Tal i par i to minutter, før I taler i plenum.',
      'Refleksion (15 min): Tag spørgsmålene i runder, så alle kommer til orde. Facilitatoren opsummerer.',
      'Aftale (10 min): Hver deltager vælger én prøvehandling. Skriv dem ned, og aftal hvornår I følger op.',
    ].join('\n\n'),
    owner: 'redaktoer',
    local: false,
    visibility: 'public',
    daysAgo: 20,
    items: [
      [
        'text',
        'Formål',
        'Vi vil blive klogere på, hvordan en kort opsamling og en hurtig exit ticket kan vise os, hvad eleverne har lært – og hvad vi skal gøre i næste time.',
      ],
      [
        'video',
        '',
        'Læg mærke til, hvor læringsmålet står, og hvad eleverne skriver.',
        'opsamling-laeringsmaal',
      ],
      ['question', '', 'Hvad gør læreren for at gøre målet synligt, og hvad gør eleverne selv?'],
      ['video', '', 'Se, hvordan sedlerne bliver sorteret efter timen.', 'exit-tickets-engelsk'],
      [
        'question',
        '',
        'Hvilke spor af elevernes læring har I allerede efter en time, og hvad gør I med dem?',
      ],
      [
        'text',
        'Aftal en prøvehandling',
        'Vælg én lille ændring, I kan prøve i næste uge. Skriv den ned, så I kan følge op på næste møde.',
      ],
      ['question', '', 'Hvad vil du prøve, og hvordan vil du se, om det virker?'],
    ],
  },
  {
    title: 'Matematikteamet: fra fejl til fælles forståelse',
    description:
      'Til Matematikteamet på Solsikkeskolen: tre klip om elevernes begrundelser og om at bruge fejl i undervisningen, med spørgsmål til teammødet.',
    facilitationGuide: [
      'Rasmus faciliterer. Mette er tidstager. Vi bruger 40 minutter.',
      'Se klippene i rækkefølge og stop efter hvert spørgsmål. Tal først i par, derefter i hele teamet.',
      'Afslut med at aftale næste prøvehandling i læringscirklen og hvem der filmer hvem.',
    ].join('\n\n'),
    owner: 'ressourceperson',
    local: true,
    visibility: 'institution',
    daysAgo: 12,
    items: [
      [
        'text',
        'Vores læringsfokus',
        'Eleverne kan begrunde deres løsninger med egne ord. I dette forløb ser vi på, hvornår begrundelserne opstår.',
      ],
      ['video', '', 'Vores egen prøvehandling fra 5. årgang.', 'broeker-papirstrimler'],
      ['question', '', 'Hvor i klippet begrunder eleverne uden at blive spurgt? Hvad gik forud?'],
      ['video', '', 'En kollega fra udskolingen bruger en anonym fejl som udgangspunkt.', 'fejl-i-matematik'],
      ['question', '', 'Hvordan kan vi gøre det trygt at tage fejl højt i indskolingen?'],
      ['video', '', 'Talsnak i 2. klasse: mange veje til samme resultat.', 'talsnak'],
      [
        'text',
        'Næste skridt',
        'Hver af os prøver talsnak eller en anonym fejl i én time inden næste møde og tager et kort klip med.',
      ],
    ],
  },
];
