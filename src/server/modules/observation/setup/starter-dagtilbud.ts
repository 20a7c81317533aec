import type { Scale, SchemaDefinitionInput } from '../../../../shared/observation.js';

/**
 * The starters of a dagtilbud and a klub (issue 15), written for Amongi: about the learning environment all day —
 * play, relations, the child's perspective and the six læreplanstemaer — with a short interview of the oldest
 * children instead of a pupil interview; in a klub about community, the young people's say and activities.
 */

const scale = (minLabel: string, maxLabel: string): Scale => ({ min: 1, max: 7, minLabel, maxLabel });
const notSeen = (maxLabel: string) => scale('Ses ikke', maxLabel);
/** Five steps are enough to ask a five-year-old (or a 12-year-old) about. */
const five = (minLabel: string, maxLabel: string): Scale => ({ min: 1, max: 5, minLabel, maxLabel });

export const STARTER_SCHEMA_DAGTILBUD: SchemaDefinitionInput = {
  pupilCount: 3,
  focusAreas: [
    {
      title: 'Læringsmiljøet hele dagen',
      description:
        'Læring sker ikke kun i planlagte aktiviteter, men også i garderoben, ved måltidet og i overgangene. Vi ser på, om dagens rutiner giver børnene plads til at deltage, klare selv og tale med.',
      indicators: [
        {
          text: 'Rutinen (fx garderobe, måltid, bleskift) bruges til samtale og til at børnene kan klare selv, ikke kun til at blive færdig.',
          type: 'scale',
          scale: notSeen('Gennemgående'),
        },
        {
          text: 'Overgange mellem aktiviteter er forberedte, så børnene ved, hvad der skal ske.',
          type: 'scale',
          scale: scale('Meget uro', 'Helt glidende'),
        },
        { text: 'Børnene kan selv nå og vælge materialer og legetøj.', type: 'yesno' },
        { text: 'Antal minutter, hvor børnene venter uden noget at tage sig til.', type: 'count' },
        { text: 'Hvad gjorde situationen til et godt (eller mindre godt) læringsmiljø?', type: 'text' },
      ],
      pupilItems: [
        { text: 'Hvad kan du bedst lide at lave her?', type: 'text' },
        { text: 'Ved du, hvad der skal ske bagefter?', type: 'yesno' },
      ],
    },
    {
      title: 'Leg og børnefællesskaber',
      description:
        'Legen er grundlæggende for børns læring og trivsel. Vi ser på, om der er tid og rum til børnenes egen leg, og om alle børn er en del af et fællesskab.',
      indicators: [
        {
          text: 'Der er tid og plads til børnenes egen, selvorganiserede leg.',
          type: 'scale',
          scale: notSeen('Meget'),
        },
        {
          text: 'De voksne går ind i legen, støtter den og trækker sig igen, når den kører.',
          type: 'scale',
          scale: notSeen('Tydeligt'),
        },
        { text: 'Alle børn er med i en leg eller et fællesskab.', type: 'yesno' },
        { text: 'Antal børn, der står uden for legen i observationstiden.', type: 'count' },
        { text: 'Hvordan blev et barn hjulpet ind i legen eller fællesskabet?', type: 'text' },
      ],
      pupilItems: [
        { text: 'Hvem leger du med?', type: 'text' },
        {
          text: 'Kan du finde nogen at lege med, når du gerne vil?',
          type: 'scale',
          scale: five('Næsten aldrig', 'Altid'),
        },
      ],
    },
    {
      title: 'Relationer og børneperspektivet',
      description:
        'Børnene skal mødes af voksne, der lytter, tager deres initiativer alvorligt og ser dagen fra barnets side.',
      indicators: [
        {
          text: 'Den voksne er i øjenhøjde og lytter til, hvad barnet vil fortælle.',
          type: 'scale',
          scale: scale('Sjældent', 'Hele tiden'),
        },
        {
          text: 'Børnenes egne initiativer og idéer bliver fulgt op.',
          type: 'scale',
          scale: notSeen('Tydeligt'),
        },
        {
          text: 'Antal børn, en voksen har en længere samtale med (mindst fem skift frem og tilbage).',
          type: 'count',
        },
        { text: 'Børnene bliver spurgt, når der skal besluttes noget, der angår dem.', type: 'yesno' },
        { text: 'Eksempel på, at et barns perspektiv gjorde en forskel:', type: 'text' },
      ],
      pupilItems: [
        {
          text: 'Hvor glad er du for at være her i dag?',
          type: 'scale',
          scale: five('Slet ikke glad', 'Meget glad'),
        },
        { text: 'Hvad gør de voksne, når du er ked af det?', type: 'text' },
      ],
    },
    {
      title: 'De seks læreplanstemaer i praksis',
      description:
        'Alsidig personlig udvikling, social udvikling, kommunikation og sprog, krop, sanser og bevægelse, natur, udeliv og science samt kultur, æstetik og fællesskab: vi ser på, hvordan temaerne folder sig ud i det, børnene laver.',
      indicators: [
        { text: 'De voksne kender formålet med aktiviteten for børnenes læring.', type: 'yesno' },
        {
          text: 'De voksne sætter ord på, stiller åbne spørgsmål og bygger videre på børnenes ord.',
          type: 'scale',
          scale: notSeen('Gennemgående'),
        },
        {
          text: 'Børnene bruger kroppen og sanserne i aktiviteten.',
          type: 'scale',
          scale: notSeen('Meget'),
        },
        {
          text: 'Børnene undersøger, eksperimenterer eller skaber noget selv (fx i naturen eller i værkstedet).',
          type: 'yesno',
        },
        { text: 'Hvilke læreplanstemaer var i spil, og hvordan?', type: 'text' },
      ],
      pupilItems: [{ text: 'Hvad har du fundet ud af eller lært i dag?', type: 'text' }],
    },
  ],
};

export const STARTER_SCHEMA_KLUB: SchemaDefinitionInput = {
  pupilCount: 3,
  focusAreas: [
    {
      title: 'Fællesskab og relationer',
      description:
        'Klubben er et sted, hvor de unge bliver set og hørt af voksne og hinanden, og hvor der er plads til alle.',
      indicators: [
        { text: 'De unge bliver hilst personligt på af en voksen, når de kommer.', type: 'yesno' },
        {
          text: 'Tonen mellem voksne og unge er venlig og respektfuld.',
          type: 'scale',
          scale: scale('Sjældent', 'Hele tiden'),
        },
        { text: 'Antal unge, der er alene uden at være en del af et fællesskab.', type: 'count' },
        { text: 'Hvordan blev en ung inviteret med i fællesskabet?', type: 'text' },
      ],
      pupilItems: [
        {
          text: 'Hvor godt kan du lide at komme i klubben?',
          type: 'scale',
          scale: five('Slet ikke', 'Rigtig godt'),
        },
        { text: 'Hvem er du mest sammen med her?', type: 'text' },
      ],
    },
    {
      title: 'De unges medbestemmelse',
      description:
        'De unge er med til at bestemme, hvad der skal ske i klubben, og deres idéer bliver til noget.',
      indicators: [
        { text: 'De unge er med til at planlægge aktiviteten.', type: 'yesno' },
        {
          text: 'De voksne følger op på de unges idéer og forslag.',
          type: 'scale',
          scale: notSeen('Tydeligt'),
        },
        { text: 'Eksempel på en idé fra de unge, der blev til noget:', type: 'text' },
      ],
      pupilItems: [
        {
          text: 'Hvis du har en idé til klubben, lytter de voksne så?',
          type: 'scale',
          scale: five('Slet ikke', 'Helt sikkert'),
        },
      ],
    },
    {
      title: 'Aktiviteter, der udfordrer',
      description:
        'Aktiviteterne giver de unge noget at lære, øve sig på og blive gode til, på hver deres niveau.',
      indicators: [
        {
          text: 'Aktiviteten giver de unge noget at lære eller blive bedre til.',
          type: 'scale',
          scale: notSeen('Tydeligt'),
        },
        { text: 'Der er aktiviteter for forskellige interesser.', type: 'yesno' },
        { text: 'Antal unge, der deltager aktivt i aktiviteten.', type: 'count' },
        { text: 'Hvordan fik de unge, der havde brug for det, hjælp eller ekstra udfordring?', type: 'text' },
      ],
      pupilItems: [{ text: 'Hvad er du blevet bedre til, siden du begyndte i klubben?', type: 'text' }],
    },
    {
      title: 'Konflikter og trivsel',
      description:
        'Konflikter tages op roligt og i tide, og de voksne har øje for de unge, der har det svært.',
      indicators: [
        {
          text: 'Konflikter bliver taget op roligt, og de unge er med til at finde en løsning.',
          type: 'scale',
          scale: notSeen('Tydeligt'),
        },
        {
          text: 'De voksne har overblik over, hvem der er i klubben, og hvordan de har det.',
          type: 'scale',
          scale: scale('Intet overblik', 'Fuldt overblik'),
        },
        { text: 'Hvad gjorde de voksne, når stemningen blev anspændt?', type: 'text' },
      ],
      pupilItems: [{ text: 'Er der en voksen her, du kan tale med, hvis noget er svært?', type: 'yesno' }],
    },
  ],
};

export const STARTER_GUIDE_DAGTILBUD = `Hvorfor besøger vi hinandens læringsmiljøer?
Vi besøger hinanden for at lære sammen om børnenes trivsel, udvikling og læring. Et besøg er ikke en bedømmelse af dig som pædagog. Det er en anledning til at se på læringsmiljøet med et par ekstra øjne og tale om, hvad der virker, og hvad vi kan prøve næste gang.

Vores fælles læringsfokus:
Vi kigger efter det samme i hele huset: leg og fællesskaber, relationer og børneperspektivet, læringsmiljøet hele dagen og de seks læreplanstemaer. Så kan vi se, hvordan vi udvikler os, og vi får et fælles sprog om vores praksis.

Sådan foregår et besøg:
Besøg er altid varslet. Du får besked om dag, tidspunkt og hvilke fokusområder besøget handler om, mindst en uge før.
Et besøg varer typisk 20–30 minutter, fx en samling, et måltid, en tur eller en legeperiode.
Det er ledelsen eller en pædagogisk vejleder, som ledelsen har udpeget, der kommer på besøg.
Observatøren er i baggrunden og noterer på en telefon eller tablet ud fra husets observationsskema. Undervejs taler observatøren kort med 3–4 af de ældste børn om, hvad de laver, og hvordan de har det. Børnene vælges af appen, ikke af observatøren, og intet barn skal svare, hvis det ikke har lyst.

Læringssamtalen bagefter:
Inden for en uge efter besøget holder I en kort læringssamtale. Du ser alt, hvad der er noteret, og du kan skrive din egen refleksion først.
I taler om, hvad observationerne viser, og aftaler sammen en prøvehandling: et lille, konkret skridt, du vil afprøve i læringsmiljøet. Ved næste besøg ser I på prøvehandlingen igen.

Hvad sker der med data?
Det, der noteres om besøget, kan du, observatøren og husets ledelse se.
Husets samlede data viser kun gennemsnit og andele for grupper af pædagoger. En gruppe, der er mindre end husets mindste gruppestørrelse, vises aldrig, så ingen enkelt kan genkendes.
Fritekst indgår aldrig i samlede opgørelser, og børnenes navne skrives ikke ned.
Besøg bruges ikke i lønforhandlinger eller som grundlag for personalesager.

Selvobservation:
Du kan også observere dit eget læringsmiljø med det samme værktøj. Det, du registrerer ved selvobservation, er dit alene. Ledelsen kan ikke se det, og det tæller aldrig med i husets data. Du kan selv invitere en kollega til at være med.

Spørgsmål:
Er du i tvivl om noget, så spørg din leder. Vi vil hellere tale om det én gang for meget end én gang for lidt.`;

export const STARTER_GUIDE_KLUB = `Hvorfor besøger vi hinanden i klubben?
Vi besøger hinanden for at lære sammen om de unges fællesskaber, trivsel og udvikling. Et besøg er ikke en bedømmelse af dig som pædagog. Det er en anledning til at se på klublivet med et par ekstra øjne og tale om, hvad der virker, og hvad vi kan prøve næste gang.

Vores fælles læringsfokus:
Vi kigger efter det samme i hele klubben: fællesskab og relationer, de unges medbestemmelse, aktiviteter, der udfordrer, og konflikter og trivsel.

Sådan foregår et besøg:
Besøg er altid varslet. Du får besked om dag, tidspunkt og fokusområder mindst en uge før.
Et besøg varer typisk 20–30 minutter af en eftermiddag eller aften.
Det er ledelsen eller en kollega, som ledelsen har udpeget, der kommer på besøg.
Observatøren noterer på en telefon eller tablet ud fra klubbens observationsskema og taler kort med 3–4 unge, som appen vælger. Ingen skal svare, hvis de ikke har lyst.

Læringssamtalen bagefter:
Inden for en uge holder I en kort læringssamtale. Du ser alt, hvad der er noteret, og kan skrive din egen refleksion først. I aftaler sammen en prøvehandling, som I ser på igen ved næste besøg.

Hvad sker der med data?
Det, der noteres om besøget, kan du, observatøren og klubbens ledelse se.
Klubbens samlede data viser kun gennemsnit og andele for grupper af pædagoger, og en gruppe under klubbens mindste gruppestørrelse vises aldrig. Fritekst indgår aldrig i samlede opgørelser.
Besøg bruges ikke i lønforhandlinger eller som grundlag for personalesager.

Selvobservation:
Du kan også observere din egen praksis med det samme værktøj. Det er dit alene og tæller aldrig med i klubbens data.`;
