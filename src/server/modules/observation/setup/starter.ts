import type { Scale, SchemaDefinitionInput } from '../../../../shared/observation.js';
import type { WordKind } from '../../../../shared/vocabulary.js';
import {
  STARTER_GUIDE_DAGTILBUD,
  STARTER_GUIDE_KLUB,
  STARTER_SCHEMA_DAGTILBUD,
  STARTER_SCHEMA_KLUB,
} from './starter-dagtilbud.js';

/**
 * The starter a leader may adopt and edit (GET /observation/starter): four learning focus areas common in Danish
 * schools, and a visit guide template. Written for Amongi; the leader makes them the institution's own.
 */

const scale = (minLabel: string, maxLabel: string): Scale => ({ min: 1, max: 7, minLabel, maxLabel });
const notSeen = (maxLabel: string) => scale('Ses ikke', maxLabel);

export const STARTER_SCHEMA: SchemaDefinitionInput = {
  pupilCount: 3,
  focusAreas: [
    {
      title: 'Klar struktur og tydelige mål',
      description:
        'Eleverne ved, hvad de skal lære, og hvordan de kan se, at de er kommet videre. Timen har en genkendelig opbygning.',
      indicators: [
        {
          text: 'Læringsmålet er synligt for eleverne (på tavlen, i materialet eller sagt tydeligt).',
          type: 'yesno',
        },
        {
          text: 'Læreren forklarer, hvordan eleverne kan se, at de har nået målet (tegn på læring).',
          type: 'scale',
          scale: notSeen('Tydeligt og konkret'),
        },
        {
          text: 'Overgange mellem aktiviteter foregår roligt, og eleverne ved, hvad de skal.',
          type: 'scale',
          scale: scale('Meget uro', 'Helt glidende'),
        },
        { text: 'Antal minutter, før eleverne er i gang med det faglige arbejde.', type: 'count' },
        { text: 'Hvad gjorde strukturen tydelig (eller utydelig) i timen?', type: 'text' },
      ],
      pupilItems: [
        { text: 'Hvad skal du lære i dag?', type: 'text' },
        {
          text: 'Hvor godt ved du, hvad du skal lære?',
          type: 'scale',
          scale: scale('Slet ikke', 'Helt sikkert'),
        },
      ],
    },
    {
      title: 'Feedback og elevernes læring',
      description:
        'Eleverne får og giver feedback, der peger fremad: hvor er jeg, hvor skal jeg hen, og hvad er mit næste skridt?',
      indicators: [
        {
          text: 'Feedbacken handler om opgaven og næste skridt, ikke om eleven som person.',
          type: 'scale',
          scale: notSeen('Gennemgående'),
        },
        { text: 'Antal elever, der får individuel feedback fra læreren i observationstiden.', type: 'count' },
        { text: 'Eleverne giver hinanden feedback ud fra fælles kriterier.', type: 'yesno' },
        {
          text: 'Læreren tjekker undervejs, om eleverne har forstået (fx exit-kort, tommelfinger, minitavler).',
          type: 'yesno',
        },
        { text: 'Eksempel på feedback, der flyttede en elev:', type: 'text' },
      ],
      pupilItems: [
        { text: 'Hvad er dit næste skridt i det, du arbejder med?', type: 'text' },
        { text: 'Har du fået hjælp eller feedback i timen i dag?', type: 'yesno' },
      ],
    },
    {
      title: 'Relationer og læringsmiljø',
      description:
        'Et trygt og anerkendende miljø, hvor det er i orden at tage fejl, og hvor alle elever bliver set.',
      indicators: [
        {
          text: 'Tonen mellem lærer og elever er venlig og respektfuld.',
          type: 'scale',
          scale: scale('Sjældent', 'Hele tiden'),
        },
        {
          text: 'Fejl bliver brugt som en naturlig del af læringen.',
          type: 'scale',
          scale: notSeen('Tydeligt'),
        },
        { text: 'Antal elever, læreren henvender sig personligt til ved navn.', type: 'count' },
        { text: 'Hvordan viste læringsmiljøet sig i timen?', type: 'text' },
      ],
      pupilItems: [
        {
          text: 'Hvor trygt er det for dig at sige noget i timen, også hvis du er i tvivl?',
          type: 'scale',
          scale: scale('Slet ikke trygt', 'Meget trygt'),
        },
      ],
    },
    {
      title: 'Differentiering – alle elever deltager',
      description:
        'Undervisningen giver alle elever mulighed for at deltage aktivt og blive udfordret på deres niveau.',
      indicators: [
        {
          text: 'Opgaverne kan løses på flere niveauer eller med forskellig støtte.',
          type: 'scale',
          scale: notSeen('I hele timen'),
        },
        {
          text: 'Læreren bruger strukturer, hvor alle elever svarer (fx makkerpar, skrive først, minitavler).',
          type: 'yesno',
        },
        { text: 'Antal elever, der ikke deltager aktivt i observationstiden.', type: 'count' },
        {
          text: 'Hvordan fik de elever, der havde brug for det, støtte eller ekstra udfordring?',
          type: 'text',
        },
      ],
      pupilItems: [
        {
          text: 'Er opgaverne i dag for lette, passende eller for svære for dig?',
          type: 'scale',
          scale: { min: 1, max: 5, minLabel: 'For lette', maxLabel: 'For svære' },
        },
      ],
    },
  ],
};

export const STARTER_GUIDE = `Hvorfor besøger vi hinandens undervisning?
Vi besøger hinanden for at lære sammen om elevernes læring. Et besøg er ikke en bedømmelse af dig som lærer eller pædagog. Det er en anledning til at se på undervisningen med et par ekstra øjne og tale om, hvad der virker, og hvad vi kan prøve næste gang.

Vores fælles læringsfokus:
Vi kigger efter det samme på hele skolen: de fokusområder, vi har valgt sammen. På den måde kan vi se, hvordan vi udvikler os som skole, og vi får et fælles sprog om undervisningen.

Sådan foregår et besøg:
Besøg er altid varslet. Du får besked om dag, time og hvilke fokusområder besøget handler om, mindst en uge før.
Et besøg varer typisk 20–30 minutter af en lektion.
Det er ledelsen eller en læringsvejleder, som ledelsen har udpeget, der kommer på besøg.
Observatøren sidder i baggrunden og noterer på en telefon eller tablet ud fra skolens observationsskema. Undervejs spørger observatøren 3–4 tilfældigt udvalgte elever om deres læring. Eleverne vælges af appen, ikke af observatøren.

Læringssamtalen bagefter:
Inden for en uge efter besøget holder I en kort læringssamtale. Du ser alt, hvad der er noteret om din time, og du kan skrive din egen refleksion først.
I taler om, hvad observationerne viser, og aftaler sammen en prøvehandling: et lille, konkret skridt, du vil afprøve. Ved næste besøg ser I på prøvehandlingen igen.

Hvad sker der med data?
Det, der noteres om din time, kan du, observatøren og skolens ledelse se.
Skolens samlede data viser kun gennemsnit og andele for grupper af lærere. En gruppe med færre lærere end skolens mindste gruppestørrelse vises aldrig, så ingen enkelt kan genkendes.
Fritekst indgår aldrig i samlede opgørelser.
Besøg bruges ikke i lønforhandlinger eller som grundlag for personalesager.

Selvobservation:
Du kan også observere din egen undervisning med det samme værktøj. Det, du registrerer ved selvobservation, er dit alene. Ledelsen kan ikke se det, og det tæller aldrig med i skolens data. Du kan selv invitere en kollega til at være med.

Spørgsmål:
Er du i tvivl om noget, så spørg din leder. Vi vil hellere tale om det én gang for meget end én gang for lidt.`;

/** The starter for a kind of institution: a school's, a dagtilbud's (starter-dagtilbud.ts) or a klub's. */
export function starterFor(kind: WordKind): { schema: SchemaDefinitionInput; guide: string } {
  switch (kind) {
    case 'dagtilbud':
      return { schema: STARTER_SCHEMA_DAGTILBUD, guide: STARTER_GUIDE_DAGTILBUD };
    case 'klub':
      return { schema: STARTER_SCHEMA_KLUB, guide: STARTER_GUIDE_KLUB };
    default:
      return { schema: STARTER_SCHEMA, guide: STARTER_GUIDE };
  }
}
