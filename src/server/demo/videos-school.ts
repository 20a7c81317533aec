import type { DemoVideo } from './types.js';

/** More demo videos from schools, among them the team's own practice (see videos.ts). */
export const DEMO_VIDEOS_SCHOOL: DemoVideo[] = [
  {
    slug: 'filosofisk-samtale',
    title: 'Filosofisk samtale om retfærdighed i 3. klasse',
    description:
      'Klassen sidder i rundkreds og taler om, hvornår noget er retfærdigt. Læreren stiller åbne spørgsmål og venter, og alle får mulighed for at sige noget uden at blive rettet.',
    subject: 'Kristendomskundskab',
    ageBand: 'kl0-3',
    methods: ['Relationskompetence', 'Psykologisk tryghed'],
    pillars: ['dialog', 'vision'],
    owner: 'medarbejder',
  },
  {
    slug: 'hoejtider',
    title: 'Højtider rundt om bordet: eleverne fortæller',
    description:
      'Elever fortæller om de højtider, deres familier fejrer. Læreren har forberedt rammen med hver enkelt, så ingen føler sig udstillet.',
    subject: 'Kristendomskundskab',
    ageBand: 'kl4-6',
    methods: ['Inklusion', 'Relationskompetence'],
    pillars: ['samarbejde', 'dialog'],
    owner: 'anders.lund',
  },
  {
    slug: 'debatregler',
    title: 'Debatregler i samfundsfag: uenighed uden konflikt',
    description:
      'Klassen laver sine egne regler for debat og prøver dem af på et emne, der deler vandene. Bagefter evaluerer eleverne, hvilke regler der hjalp.',
    subject: 'Samfundsfag',
    ageBand: 'kl7-10',
    methods: ['Klasseledelse', 'Psykologisk tryghed'],
    pillars: ['dialog', 'vision'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'byraadssalen',
    title: 'Elevrådet på besøg i byrådssalen',
    description:
      'Elevrådet fremlægger et forslag om cykelparkering for to byrådspolitikere. Forberedelsen foregik i samfundsfag, hvor klassen øvede argumenter og modargumenter.',
    subject: 'Samfundsfag',
    ageBand: 'kl7-10',
    methods: ['Åben skole', 'Innovation'],
    pillars: ['vision', 'samarbejde'],
    owner: 'karin.thomsen',
  },
  {
    slug: 'holddannelse',
    title: 'Holddannelse uden at nogen står tilbage',
    description:
      'Idrætslæreren danner hold med farvede bånd i stedet for at lade to elever vælge. En lille ændring, der tager presset af dem, der plejer at blive valgt sidst.',
    subject: 'Idræt',
    ageBand: 'kl4-6',
    methods: ['Inklusion', 'Relationskompetence'],
    pillars: ['samarbejde', 'vision'],
    owner: 'camilla.juhl',
  },
  {
    slug: 'idraet-fem-minutter',
    title: 'Idrætstimens første fem minutter',
    description:
      'Fra omklædning til aktivitet på fem minutter: en fast opvarmning, som eleverne kan starte uden voksne, og et tegn, der samler klassen.',
    subject: 'Idræt',
    ageBand: 'kl0-3',
    methods: ['Klasseledelse'],
    pillars: ['laering', 'samarbejde'],
    owner: 'anders.lund',
  },
  {
    slug: 'kropsrytmer',
    title: 'Rytmer med kroppen: fælles start på musiktimen',
    description:
      'Timen begynder med klap, stamp og knips i kanon. Alle kan være med fra første slag, og læreren bruger rytmen til at skifte mellem aktiviteter.',
    subject: 'Musik',
    ageBand: 'kl0-3',
    methods: ['Klasseledelse', 'Inklusion'],
    pillars: ['samarbejde', 'laering'],
    owner: 'birgitte.soerensen',
  },
  {
    slug: 'bandoevning',
    title: 'Bandøvning med roller og feedback i 8. klasse',
    description:
      'Hvert band har en producer, der lytter og giver feedback efter en fast skabelon. Læreren coacher produceren i stedet for at rette bandet selv.',
    subject: 'Musik',
    ageBand: 'kl7-10',
    methods: ['Feedback', 'Cooperative learning'],
    pillars: ['dialog', 'deprivatisering'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'billedanalyse',
    title: 'Billedanalyse: jeg ser, jeg tænker, jeg undrer mig',
    description:
      'Med tre faste sætningsstartere taler eleverne om et maleri. Læreren skriver observationer og tolkninger i hver sin kolonne, så forskellen bliver tydelig.',
    subject: 'Billedkunst',
    ageBand: 'kl4-6',
    methods: ['Synlig læring', 'Innovation'],
    pillars: ['dialog', 'laering'],
    owner: 'camilla.juhl',
  },
  {
    slug: 'vaegmaleri',
    title: 'Fælles vægmaleri: planlægning i grupper',
    description:
      'Indskolingen planlægger et vægmaleri til gangen. Grupperne laver skitser, stemmer og samler de bedste ideer i én fælles tegning.',
    subject: 'Billedkunst',
    ageBand: 'kl0-3',
    methods: ['Cooperative learning', 'Innovation'],
    pillars: ['samarbejde', 'vision'],
    owner: 'anders.lund',
  },
  {
    slug: 'prototyper-pap',
    title: 'Prototyper i pap: fra idé til skitse på 20 minutter',
    description:
      'Eleverne bygger hurtige prototyper i pap og tape og får feedback fra en anden gruppe efter to stjerner og et ønske, før de bygger videre.',
    subject: 'Håndværk og design',
    ageBand: 'kl4-6',
    methods: ['Innovation', 'Feedback'],
    pillars: ['laering', 'samarbejde'],
    owner: 'birgitte.soerensen',
  },
  {
    slug: 'vaerkstedsrutiner',
    title: 'Værkstedsrutiner der giver ro',
    description:
      'Faste pladser til værktøj, et tydeligt oprydningssignal og en tavle med dagens trin. Se hvordan rutinerne frigør tid til at hjælpe den enkelte elev.',
    subject: 'Håndværk og design',
    ageBand: 'kl4-6',
    methods: ['Klasseledelse', 'Psykologisk tryghed'],
    pillars: ['vision', 'laering'],
    owner: 'karin.thomsen',
  },
  {
    slug: 'grundsmage',
    title: 'Smagsforsøg med fem grundsmage',
    description:
      'I madkundskab smager eleverne på fem skåle og beskriver smagen med et fælles ordforråd. Forsøget bliver grundlaget for næste uges opskrifter.',
    subject: 'Madkundskab',
    ageBand: 'kl4-6',
    methods: ['Innovation', 'Synlig læring'],
    pillars: ['laering', 'dialog'],
    owner: 'camilla.juhl',
  },
  {
    slug: 'skolekoekken',
    title: 'Fordeling af opgaver i skolekøkkenet',
    description:
      'Hvert køkkenhold har fire roller, der skifter fra gang til gang. Rollerne sikrer, at alle laver mad, og at oprydningen ikke ender hos de samme.',
    subject: 'Madkundskab',
    ageBand: 'kl7-10',
    methods: ['Cooperative learning', 'Klasseledelse'],
    pillars: ['samarbejde', 'vision'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'bevaegelsesbaand',
    title: 'Bevægelsesbånd mellem to lektioner',
    description:
      'Ti minutters bevægelse med en fast rækkefølge, som eleverne selv leder. Efter båndet går klassen roligt i gang med næste time.',
    subject: 'Understøttende undervisning',
    ageBand: 'kl0-3',
    methods: ['Inklusion', 'Klasseledelse'],
    pillars: ['laering', 'vision'],
    owner: 'anders.lund',
  },
  {
    slug: 'lektiecafe',
    title: 'Lektiecafé hvor eleverne hjælper hinanden',
    description:
      'Ældre elever er faglige hjælpere i lektiecaféen. De har fået et kort kursus i at stille spørgsmål i stedet for at give svaret.',
    subject: 'Understøttende undervisning',
    ageBand: 'kl4-6',
    methods: ['Cooperative learning', 'Relationskompetence'],
    pillars: ['samarbejde', 'dialog'],
    owner: 'birgitte.soerensen',
  },
  {
    slug: 'teammoede-video',
    title: 'Teammødet: vi ser hinandens undervisning på video',
    description:
      'Matematikteamet ser et klip fra en kollegas time og taler om det ud fra teamets læringsfokus. Samtalen følger faste runder, så alle kommer til orde, og den der blev filmet taler sidst.',
    subject: 'Matematik',
    ageBand: 'kl4-6',
    methods: ['Aktionslæring', 'Datainformeret praksis'],
    pillars: ['deprivatisering', 'samarbejde'],
    owner: 'ressourceperson',
    pupils: false,
  },
  {
    slug: 'kollegial-sparring',
    title: 'Kollegial sparring efter et klassebesøg',
    description:
      'En leder og en lærer taler om et klassebesøg dagen før. Læreren har selv valgt fokus, og samtalen ender med en konkret prøvehandling til næste uge.',
    subject: 'Dansk',
    ageBand: 'kl7-10',
    methods: ['Feedback', 'Aktionslæring'],
    pillars: ['deprivatisering', 'dialog'],
    owner: 'leder',
    pupils: false,
  },
  {
    slug: 'tydelige-overgange',
    title: 'Prøvehandling: tydelige overgange mellem aktiviteter',
    description:
      'Et årgangsteam afprøver den samme overgang i tre klasser: et signal, en instruktion og en tidsramme. Videoen viser første forsøg, og hvad teamet ændrede.',
    subject: 'Understøttende undervisning',
    ageBand: 'kl0-3',
    methods: ['Aktionslæring', 'Klasseledelse'],
    pillars: ['deprivatisering', 'laering'],
    owner: 'camilla.juhl',
  },
];
