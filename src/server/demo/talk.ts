/**
 * What demo people say and do around the demo videos (written for this project): communities, discussions,
 * "afprøvet"/"virkede" signals with reflections, curated collections and learning packages. People are named
 * by the local part of their demo e-mail, videos by their slug (videos.ts).
 */

export type DemoCommunity = {
  name: string;
  description: string;
  access: 'open' | 'invite';
  /** The creator, moderator from the start. */
  by: string;
  daysAgo: number;
  members: string[];
  moderators?: string[];
  /** Invited to an invite-only community, not joined yet. */
  invited?: string[];
  /** [video, shared by]. */
  videos: [string, string][];
  /** What members wrote there (issue 15): questions, tips and links, with replies. */
  posts?: DemoPost[];
  /** Coming events: in how many days, Danish local times. */
  events?: DemoEvent[];
};

export type DemoPost = {
  by: string;
  kind: 'question' | 'tip' | 'link';
  text: string;
  url?: string;
  hoursAgo: number;
  replies?: DemoComment[];
};

export type DemoEvent = {
  by: string;
  title: string;
  inDays: number;
  start: string;
  end: string;
  place: string;
  onlineUrl?: string;
  text: string;
  hoursAgo: number;
};

export const DEMO_COMMUNITIES: DemoCommunity[] = [
  {
    name: 'Feedback i praksis',
    description:
      'For lærere og vejledere, der vil blive bedre til feedback, som eleverne kan bruge. Del klip, spørg hinanden og fortæl, hvad der virkede.',
    access: 'open',
    by: 'ressourceperson',
    daysAgo: 95,
    members: ['medarbejder', 'leder', 'redaktoer', 'karin.thomsen', 'camilla.juhl'],
    videos: [
      ['opsamling-laeringsmaal', 'ressourceperson'],
      ['exit-tickets-engelsk', 'medarbejder'],
      ['bandoevning', 'ressourceperson'],
      ['prototyper-pap', 'leder'],
      ['to-stjerner-et-oenske', 'ressourceperson'],
    ],
  },
  {
    name: 'Udeliv og natur i dagtilbud',
    description:
      'Pædagoger og ledere, der arbejder med udeliv hele året. Ideer til regnvejr, skovture med de mindste og natur lige uden for døren.',
    access: 'open',
    by: 'medarbejder2',
    daysAgo: 80,
    members: ['leder2', 'emma.krogh', 'forvaltning'],
    videos: [
      ['udeliv-regnvejr', 'medarbejder2'],
      ['skovbunden', 'emma.krogh'],
      ['motorikbane', 'medarbejder2'],
      ['kasser-og-reb', 'medarbejder2'],
    ],
  },
  {
    name: 'Matematik i indskolingen',
    description:
      'Talsnak, konkreter og samtaler om strategier i 0.–3. klasse. Vi deler korte klip fra egne timer og hjælper hinanden med næste skridt.',
    access: 'open',
    by: 'medarbejder',
    daysAgo: 60,
    members: ['ressourceperson', 'karin.thomsen', 'anders.lund'],
    videos: [
      ['talsnak', 'medarbejder'],
      ['broeker-papirstrimler', 'ressourceperson'],
      ['hvad-flyder', 'anders.lund'],
      ['laeringsmakkere', 'medarbejder'],
    ],
    posts: [
      {
        by: 'ressourceperson',
        kind: 'question',
        text: 'Hvordan får I de stille børn til at sige noget i talsnakken? Hos os er det altid de samme tre, der byder ind.',
        hoursAgo: 30,
        replies: [
          {
            by: 'medarbejder',
            text: 'Vi giver et halvt minut til at tænke og lader dem først fortælle makkeren det. Så har alle noget at sige, når vi samler op.',
            hoursAgo: 26,
            replies: [
              {
                by: 'ressourceperson',
                text: 'Godt råd — det prøver jeg i morgen og fortæller, hvordan det gik.',
                hoursAgo: 20,
              },
            ],
          },
        ],
      },
      {
        by: 'anders.lund',
        kind: 'tip',
        text: 'Lav en fast plads på tavlen til »strategier vi har set i dag«. Børnene begynder selv at bede om at få deres strategi skrevet op.',
        hoursAgo: 72,
      },
      {
        by: 'medarbejder',
        kind: 'link',
        text: 'Kort og god artikel om at tale matematik med de yngste — den kan bruges som oplæg på et teammøde.',
        url: 'https://www.emu.dk/grundskole/matematik',
        hoursAgo: 120,
      },
    ],
    events: [
      {
        by: 'medarbejder',
        title: 'Netværksmøde: talsnak i praksis',
        inDays: 9,
        start: '14:30',
        end: '16:00',
        place: 'Solsikkeskolen, personalerummet',
        text: 'Tag et kort klip eller et billede fra din egen talsnak med. Vi ser på dem sammen og aftaler hver en ting at prøve.',
        hoursAgo: 50,
      },
    ],
  },
  {
    name: 'Klubliv og relationer',
    description:
      'Et fællesskab for klubpædagoger og alle, der arbejder med unges fritid: konflikter, medbestemmelse og overgangen fra SFO til klub.',
    access: 'open',
    by: 'forvaltning',
    daysAgo: 50,
    members: ['jonas.vestergaard', 'medarbejder2'],
    moderators: ['jonas.vestergaard'],
    videos: [
      ['klubaften', 'jonas.vestergaard'],
      ['konfliktmaegling', 'jonas.vestergaard'],
      ['sfo-til-klub', 'forvaltning'],
    ],
  },
  {
    name: 'Læringsledelse i Fjordby Kommune',
    description:
      'Et lukket rum for ledere og læringspartnere i Fjordby: klassebesøg, læringssamtaler og hvordan vi understøtter teamenes prøvehandlinger.',
    access: 'invite',
    by: 'forvaltning',
    daysAgo: 40,
    members: ['leder', 'leder2'],
    invited: ['ressourceperson'],
    videos: [
      ['kollegial-sparring', 'leder'],
      ['teammoede-video', 'forvaltning'],
      ['tydelige-overgange', 'leder2'],
    ],
  },
];

/** A comment: who, what, how many hours ago, optionally anchored at a second of the video, and its replies. */
export type DemoComment = {
  by: string;
  text: string;
  hoursAgo: number;
  at?: number;
  replies?: DemoComment[];
};

export const DEMO_DISCUSSIONS: Record<string, DemoComment[]> = {
  'opsamling-laeringsmaal': [
    {
      by: 'leder',
      at: 2,
      hoursAgo: 70,
      text: 'Læg mærke til, at målet står det samme sted på tavlen hver gang. Det gør det let for eleverne at finde tilbage til det.',
      replies: [
        {
          by: 'ressourceperson',
          hoursAgo: 60,
          text: 'Vi har prøvet det samme i matematik. Der gik et par uger, før eleverne selv kiggede derhen.',
          replies: [
            {
              by: 'medarbejder',
              hoursAgo: 40,
              text: 'Hvor lang tid bruger I på det? Jeg er bange for, at det tager tid fra det faglige.',
              replies: [
                {
                  by: 'ressourceperson',
                  hoursAgo: 30,
                  text: 'Omkring fem minutter. Til gengæld har vi skåret ned på gennemgangen i starten af timen.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      by: 'medarbejder2',
      at: 5,
      hoursAgo: 50,
      text: 'Her spørger læreren, hvem der vil læse op. Vi gør noget lignende i børnehaven med "dagens bedste", bare mundtligt.',
    },
    {
      by: 'forvaltning',
      hoursAgo: 20,
      text: 'Et godt eksempel at vise på næste netværksmøde om synlig læring. Tak, fordi I delte den.',
    },
  ],
  'broeker-papirstrimler': [
    {
      by: 'medarbejder',
      at: 4,
      hoursAgo: 100,
      text: 'Her begynder eleverne at begrunde uden at blive spurgt. Det var det, vi håbede at se.',
      replies: [
        {
          by: 'leder',
          hoursAgo: 90,
          text: 'Hvad tror I gjorde forskellen: makkeren eller strimlen?',
          replies: [
            {
              by: 'ressourceperson',
              hoursAgo: 80,
              text: 'Nok kombinationen. Næste prøvehandling er at fjerne strimlen og se, om samtalen holder.',
            },
          ],
        },
      ],
    },
    {
      by: 'karin.thomsen',
      at: 1,
      hoursAgo: 48,
      text: 'Vi låner ideen til 5. klasse på Bakkeskolen. Har I et ark med strimlerne, vi må se?',
    },
  ],
  'dialogisk-laesning': [
    {
      by: 'leder2',
      at: 3,
      hoursAgo: 75,
      text: 'Bemærk pausen efter spørgsmålet. Den er svær at holde, men her virker den.',
      replies: [
        {
          by: 'medarbejder2',
          hoursAgo: 70,
          text: 'Vi har talt om at tælle til fem inden i os selv. Det hjælper.',
        },
      ],
    },
    {
      by: 'redaktoer',
      hoursAgo: 30,
      text: 'Udvalgt til kataloget, fordi den viser åbne spørgsmål så konkret.',
    },
  ],
  konfliktmaegling: [
    {
      by: 'forvaltning',
      at: 2,
      hoursAgo: 55,
      text: 'Pædagogen gentager det, de unge siger, uden at vurdere det. Et godt greb at lære af.',
      replies: [
        { by: 'jonas.vestergaard', hoursAgo: 50, text: 'Tak! Det har vi øvet i hele klubteamet i år.' },
      ],
    },
    {
      by: 'medarbejder',
      hoursAgo: 10,
      text: 'Kan man bruge den samme struktur i skolegården? Jeg tænker på frikvartererne i 3. klasse.',
    },
  ],
  holddannelse: [
    {
      by: 'medarbejder',
      hoursAgo: 44,
      text: 'Enkelt og effektivt. Jeg prøver det på fredag.',
      replies: [
        {
          by: 'camilla.juhl',
          hoursAgo: 40,
          text: 'Sig til, hvordan det går! Farverne kan også bruges til makkerpar i klassen.',
        },
      ],
    },
  ],
  'teammoede-video': [
    {
      by: 'leder',
      at: 3,
      hoursAgo: 26,
      text: 'Rækkefølgen i runderne er vigtig: den, der er filmet, taler sidst. Så bliver det en undersøgelse og ikke en bedømmelse.',
      replies: [
        {
          by: 'medarbejder',
          hoursAgo: 24,
          text: 'Det var meget mindre grænseoverskridende at blive filmet, end jeg havde troet.',
          replies: [
            {
              by: 'ressourceperson',
              hoursAgo: 22,
              text: 'Godt at høre. Skal vi filme din time i næste uge?',
              replies: [{ by: 'medarbejder', hoursAgo: 20, text: 'Ja, gerne tirsdag i 3. årgang.' }],
            },
          ],
        },
      ],
    },
  ],
  laeringsmakkere: [
    {
      by: 'ressourceperson',
      hoursAgo: 6,
      text: 'Fin start! Prøv at give makkerne hvert sit kort med en rolle, så de ved, hvem der begynder.',
    },
  ],
};

/** [video, person, worked, reflection, shared]. Worked implies tried: every row is a "Jeg har afprøvet det". */
export type DemoSignal = [string, string, boolean, string?, boolean?];

export const DEMO_SIGNALS: DemoSignal[] = [
  [
    'opsamling-laeringsmaal',
    'anders.lund',
    true,
    'Eleverne skrev mere præcist, da målet stod på tavlen hele timen.',
    true,
  ],
  ['opsamling-laeringsmaal', 'birgitte.soerensen', true],
  ['opsamling-laeringsmaal', 'dennis.poulsen', false],
  ['opsamling-laeringsmaal', 'karin.thomsen', true, 'Skal prøves igen med 8. klasse.', false],
  ['opsamling-laeringsmaal', 'leder', true],
  ['opsamling-laeringsmaal', 'ressourceperson', true, 'Det er blevet fast praksis i matematikteamet.', true],
  ['exit-tickets-engelsk', 'anders.lund', false],
  [
    'exit-tickets-engelsk',
    'camilla.juhl',
    true,
    'Sedlerne viste, at halvdelen ikke havde forstået ordstillingen. Godt at vide før næste time.',
    true,
  ],
  ['exit-tickets-engelsk', 'dennis.poulsen', true],
  ['exit-tickets-engelsk', 'medarbejder', true, 'Husk at have sedlerne klar inden timen.', false],
  [
    'broeker-papirstrimler',
    'karin.thomsen',
    true,
    'Virkede også i 5. klasse, men foldningen tog længere tid.',
    true,
  ],
  ['broeker-papirstrimler', 'camilla.juhl', false],
  ['broeker-papirstrimler', 'medarbejder', true],
  [
    'dialogisk-laesning',
    'medarbejder2',
    true,
    'Børnene svarede med hele sætninger, når vi ventede længe nok.',
    true,
  ],
  ['dialogisk-laesning', 'leder2', true],
  ['dialogisk-laesning', 'emma.krogh', true],
  ['holddannelse', 'anders.lund', true],
  ['holddannelse', 'dennis.poulsen', true],
  ['holddannelse', 'karin.thomsen', false],
  [
    'holddannelse',
    'birgitte.soerensen',
    true,
    'Ingen protesterede. De var bare glade for at komme i gang.',
    true,
  ],
  ['konfliktmaegling', 'leder2', false],
  ['konfliktmaegling', 'emma.krogh', true],
  [
    'udeliv-regnvejr',
    'medarbejder2',
    true,
    'Vi gentog det næste regnvejrsdag, og børnene huskede selv, hvor vandet løb hen.',
    true,
  ],
  ['udeliv-regnvejr', 'leder2', false],
  ['talsnak', 'camilla.juhl', true],
  ['talsnak', 'anders.lund', true],
  [
    'talsnak',
    'ressourceperson',
    true,
    'Strategierne fra talsnakken dukkede op igen i elevernes skriftlige opgaver.',
    true,
  ],
  ['debatregler', 'karin.thomsen', true],
  [
    'debatregler',
    'birgitte.soerensen',
    false,
    'Klassen var for urolig til, at vi nåede evalueringen.',
    false,
  ],
  ['motorikbane', 'emma.krogh', true],
  ['teammoede-video', 'leder', true],
  [
    'teammoede-video',
    'medarbejder',
    true,
    'At se en kollegas klip først gjorde det lettere selv at blive filmet.',
    true,
  ],
  ['bevaegelsesbaand', 'camilla.juhl', true],
  ['bevaegelsesbaand', 'birgitte.soerensen', true],
  ['bevaegelsesbaand', 'dennis.poulsen', false],
];

/** Private notes (only their author ever sees them). */
export const DEMO_NOTES: [string, string, string][] = [
  ['opsamling-laeringsmaal', 'medarbejder', 'Prøv post-it-sedlerne i 3. årgang efter efterårsferien.'],
  ['debatregler', 'leder', 'Vis på personalemødet i november som eksempel på elevinddragelse.'],
];
