import { COACHING_DEMO_VIDEOS } from './coaching.js';
import type { DemoVideo } from './types.js';
import { DEMO_VIDEOS_MORE } from './videos-more.js';
import { DEMO_VIDEOS_SCHOOL } from './videos-school.js';

/**
 * The demo catalogue (issue 4, item 7): practice videos made from ffmpeg test pictures, with Danish titles and
 * descriptions written for this project. Every subject, age band, method and pillar is used at least twice by
 * the published videos. The picture of each video is derived from its place in DEMO_VIDEOS (see
 * media.ts), so keep the order stable: moving a video changes its picture and regenerates it once.
 */
const school: DemoVideo[] = [
  {
    slug: 'opsamling-laeringsmaal',
    title: 'Sådan samler lærerne op på dagens læringsmål',
    description:
      'I 5.b slutter hver dansktime med fem minutters opsamling. Målet fra tavlen vises igen, eleverne skriver én sætning om, hvad de nu kan, og to elever læser op. Se hvordan en kort og fast afslutning gør målet synligt for alle.',
    subject: 'Dansk',
    ageBand: 'kl4-6',
    methods: ['Synlig læring', 'Feedback'],
    pillars: ['laering', 'dialog'],
    owner: 'camilla.juhl',
    captions: [
      [0, 3, 'Nu kigger vi på målet fra i morges igen.'],
      [3, 6, 'Skriv én sætning på jeres post-it: hvad kan du nu?'],
      [6, 8, 'Hvem vil læse sin sætning højt?'],
    ],
  },
  {
    slug: 'makkerlaesning',
    title: 'Makkerlæsning med læsekort i 1. klasse',
    description:
      'Eleverne læser på skift for hinanden med et lille kort, der minder dem om, hvad makkeren skal lytte efter. Læreren går rundt og noterer, hvilke par der har brug for hjælp i næste time.',
    subject: 'Dansk',
    ageBand: 'kl0-3',
    methods: ['Cooperative learning', 'Inklusion'],
    pillars: ['samarbejde', 'laering'],
    owner: 'anders.lund',
  },
  {
    slug: 'broeker-papirstrimler',
    title: 'Brøker med papirstrimler: fra gæt til begrundelse',
    description:
      'Matematikteamet afprøver en prøvehandling: eleverne folder papirstrimler for at sammenligne brøker og skal begrunde deres svar for en makker, før de ser facit. Teamet har optaget timen for at se, hvor begrundelserne opstår.',
    subject: 'Matematik',
    ageBand: 'kl4-6',
    methods: ['Aktionslæring', 'Feedback'],
    pillars: ['laering', 'deprivatisering'],
    owner: 'ressourceperson',
    captions: [
      [0, 4, 'Fold strimlen i tre lige store dele. Hvad hedder én del?'],
      [4, 8, 'Forklar din makker, hvorfor en tredjedel er mindre end en halv.'],
    ],
  },
  {
    slug: 'talsnak',
    title: 'Talsnak i 2. klasse: mange veje til 38 + 17',
    description:
      'Ti minutters talsnak, hvor eleverne regner i hovedet og fortæller, hvordan de tænkte. Læreren skriver strategierne op side om side, så klassen kan se, at der er flere gode veje til samme resultat.',
    subject: 'Matematik',
    ageBand: 'kl0-3',
    methods: ['Cooperative learning', 'Synlig læring'],
    pillars: ['dialog', 'laering'],
    owner: 'medarbejder',
  },
  {
    slug: 'fejl-i-matematik',
    title: 'Fejl som læringsmulighed i matematik i 8. klasse',
    description:
      'Læreren viser en anonym elevbesvarelse med en typisk fejl, og klassen finder sammen ud af, hvor tankegangen drejede af. Målet er en klasse, hvor det er trygt at tage fejl højt.',
    subject: 'Matematik',
    ageBand: 'kl7-10',
    methods: ['Psykologisk tryghed', 'Feedback'],
    pillars: ['laering', 'vision'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'exit-tickets-engelsk',
    title: 'Engelsk med exit tickets: hvad har du lært i dag?',
    description:
      'De sidste tre minutter af engelsktimen svarer eleverne på to korte spørgsmål på en seddel. Læreren sorterer sedlerne i tre bunker og planlægger næste time ud fra dem.',
    subject: 'Engelsk',
    ageBand: 'kl4-6',
    methods: ['Feedback', 'Datainformeret praksis'],
    pillars: ['laering', 'dialog'],
    owner: 'birgitte.soerensen',
    captions: [
      [0, 4, 'Tag en seddel og skriv to ting, du kan sige på engelsk nu.'],
      [4, 8, 'Læg sedlen i den grønne, gule eller røde kasse ved døren.'],
    ],
  },
  {
    slug: 'rollespil-cafe',
    title: 'Rollespil på engelsk: at bestille mad på en café',
    description:
      'Klassen er lavet om til en café med menukort og bestillingsblokke. Eleverne skiftes til at være tjener og gæst og bruger de nye ord i en situation, de kender.',
    subject: 'Engelsk',
    ageBand: 'kl0-3',
    methods: ['Cooperative learning', 'Innovation'],
    pillars: ['samarbejde', 'laering'],
    owner: 'anders.lund',
  },
  {
    slug: 'tysk-bevaegelse',
    title: 'Tysk ordforråd med bevægelse i 7. klasse',
    description:
      'Nye tyske ord øves med fagter og en stafet i gården. Elever, der sjældent siger noget i timen, får her en rolle, hvor de skal bruge ordene.',
    subject: 'Tysk',
    ageBand: 'kl7-10',
    methods: ['Cooperative learning', 'Inklusion'],
    pillars: ['laering', 'samarbejde'],
    owner: 'karin.thomsen',
  },
  {
    slug: 'venskabsklasse-kiel',
    title: 'Videosamtale med en venskabsklasse i Kiel',
    description:
      'To klasser mødes på skærmen hver anden uge og interviewer hinanden om hverdagen. Forberedelsen sker i små grupper, og spørgsmålene skrives på tysk i fællesskab.',
    subject: 'Tysk',
    ageBand: 'kl7-10',
    methods: ['Åben skole', 'Innovation'],
    pillars: ['vision', 'samarbejde'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'fransk-udtale',
    title: 'Franske udtaleøvelser i små læsegrupper',
    description:
      'Grupper på tre læser korte replikker og giver hinanden feedback ud fra tre lydregler på et kort. Læreren lytter med i én gruppe ad gangen.',
    subject: 'Fransk',
    ageBand: 'kl7-10',
    methods: ['Feedback', 'Cooperative learning'],
    pillars: ['dialog', 'laering'],
    owner: 'karin.thomsen',
  },
  {
    slug: 'fransk-menu',
    title: 'Fransk madkultur: eleverne skriver en menu',
    description:
      'Eleverne sammensætter en fransk menu, beskriver retterne og præsenterer den for en kok fra byens restaurant, som kommer på besøg og stiller spørgsmål.',
    subject: 'Fransk',
    ageBand: 'kl4-6',
    methods: ['Innovation', 'Åben skole'],
    pillars: ['vision', 'samarbejde'],
    owner: 'birgitte.soerensen',
  },
  {
    slug: 'hvad-flyder',
    title: 'Hvad flyder? Hypoteser i natur/teknologi i 2. klasse',
    description:
      'Før forsøget tegner hvert barn sit gæt på en planche. Bagefter sammenligner klassen gæt og resultat, og læreren spørger til, hvad der overraskede.',
    subject: 'Natur/teknologi',
    ageBand: 'kl0-3',
    methods: ['Synlig læring', 'Innovation'],
    pillars: ['laering', 'dialog'],
    owner: 'anders.lund',
  },
  {
    slug: 'vejrstation',
    title: 'Vejrstation i skolegården: eleverne samler data',
    description:
      'En uge med målinger af temperatur, vind og nedbør. Eleverne lægger tallene ind i et fælles regneark og finder selv mønstre, som de fremlægger for parallelklassen.',
    subject: 'Natur/teknologi',
    ageBand: 'kl4-6',
    methods: ['Datainformeret praksis', 'Åben skole'],
    pillars: ['laering', 'deprivatisering'],
    owner: 'camilla.juhl',
  },
  {
    slug: 'vandhul',
    title: 'Vandhulsundersøgelse: biologi uden for klasseværelset',
    description:
      'Klassen undersøger smådyr i et vandhul sammen med en naturvejleder. Hver gruppe har en fast rolle: indsamler, bestemmer, fotograf og referent.',
    subject: 'Biologi',
    ageBand: 'kl7-10',
    methods: ['Åben skole', 'Cooperative learning'],
    pillars: ['samarbejde', 'laering'],
    owner: 'karin.thomsen',
  },
  {
    slug: 'cellemodeller',
    title: 'Modeller af cellen: elevernes egne forklaringer',
    description:
      'Eleverne bygger modeller af en celle i ler og forklarer dem for en anden gruppe. Læreren giver feedback på forklaringen, ikke på modellens udseende.',
    subject: 'Biologi',
    ageBand: 'kl7-10',
    methods: ['Feedback', 'Synlig læring'],
    pillars: ['dialog', 'laering'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'fysiklokalet',
    title: 'Sikkerhed og rutiner i fysiklokalet',
    description:
      'Hvordan læreren bruger de første ti minutter af skoleåret på at indøve faste rutiner ved forsøgsbordene, så resten af året går til faget og ikke til uro.',
    subject: 'Fysik/kemi',
    ageBand: 'kl7-10',
    methods: ['Klasseledelse', 'Psykologisk tryghed'],
    pillars: ['vision', 'laering'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'forsoegsdesign',
    title: 'Forsøgsdesign i kemi: eleverne planlægger selv',
    description:
      'I stedet for en færdig vejledning får grupperne et spørgsmål og skal selv planlægge forsøget. Planen vurderes af en anden gruppe, før nogen tænder en brænder.',
    subject: 'Fysik/kemi',
    ageBand: 'kl7-10',
    methods: ['Innovation', 'Feedback'],
    pillars: ['laering', 'samarbejde'],
    owner: 'karin.thomsen',
  },
  {
    slug: 'kort-og-kompas',
    title: 'Kort og kompas i lokalområdet',
    description:
      'Klassen finder poster i bydelen med kort og kompas. Undervejs fortæller en lokal borger om, hvordan kvarteret har ændret sig de sidste halvtreds år.',
    subject: 'Geografi',
    ageBand: 'kl7-10',
    methods: ['Åben skole', 'Cooperative learning'],
    pillars: ['samarbejde', 'vision'],
    owner: 'camilla.juhl',
  },
  {
    slug: 'klimadata',
    title: 'Klimadata i geografitimen',
    description:
      'Eleverne arbejder med rigtige måleserier for nedbør og temperatur og diskuterer, hvad tallene kan og ikke kan sige. En øvelse i at læse data kritisk.',
    subject: 'Geografi',
    ageBand: 'kl7-10',
    methods: ['Datainformeret praksis', 'Innovation'],
    pillars: ['laering', 'dialog'],
    owner: 'dennis.poulsen',
  },
  {
    slug: 'tidslinje',
    title: 'Historiefortælling med en tidslinje på gulvet',
    description:
      'En lang tidslinje med malertape går gennem klassen. Grupperne placerer begivenheder og forklarer deres valg, mens resten af klassen må stille ét spørgsmål hver.',
    subject: 'Historie',
    ageBand: 'kl4-6',
    methods: ['Cooperative learning', 'Inklusion'],
    pillars: ['samarbejde', 'laering'],
    owner: 'birgitte.soerensen',
  },
  {
    slug: 'kildekritik',
    title: 'Kildekritik: to beretninger om samme begivenhed',
    description:
      'Eleverne læser to modstridende beretninger og skal finde forskellene, før de diskuterer hvorfor. Læreren stopper undervejs og gør tænkningen synlig på tavlen.',
    subject: 'Historie',
    ageBand: 'kl7-10',
    methods: ['Feedback', 'Synlig læring'],
    pillars: ['dialog', 'laering'],
    owner: 'karin.thomsen',
  },
];

/** Every demo video, in the order that decides their pictures. */
export const DEMO_VIDEOS: DemoVideo[] = [
  ...school,
  ...DEMO_VIDEOS_SCHOOL,
  ...DEMO_VIDEOS_MORE,
  ...COACHING_DEMO_VIDEOS,
];
