import { sql } from 'drizzle-orm';
import type { SurveyDimension, SurveyItemKind } from '../../../shared/survey.js';
import type { Db } from '../../db/index.js';
import { surveyItems, surveyQuestionnaires } from '../../db/survey-schema.js';

/**
 * Amongi's own staff survey (issue 18, S1), written for this project: social capital in its four dimensions
 * (trust and cohesion among colleagues; a shared understanding of the core task and knowledge shared with other
 * groups; recognition, respect and support from the nearest leader; involvement in decisions and attachment to the
 * workplace), the four PLF statements, and two open questions. Each statement is answered on the agreement scale
 * (helt uenig … helt enig, or "ved ikke"). The words fit a school, a dagtilbud and a klub alike. The keys never
 * change: results are followed per key year over year and across versions.
 */
type BuiltinItem = {
  key: string;
  kind: SurveyItemKind;
  dimension: SurveyDimension | null;
  da: string;
  en: string;
};

const scale = (key: string, dimension: SurveyDimension, da: string, en: string): BuiltinItem => ({
  key,
  kind: 'scale',
  dimension,
  da,
  en,
});

export const BUILTIN_ITEMS: readonly BuiltinItem[] = [
  scale(
    'tillid_hjaelp',
    'tillid',
    'Jeg kan regne med hjælp fra mine kolleger, når arbejdet bliver svært.',
    'I can count on help from my colleagues when the work gets difficult.',
  ),
  scale(
    'tillid_aerlighed',
    'tillid',
    'Vi kan sige, hvad vi mener, til hinanden – også når vi er uenige.',
    'We can tell each other what we think – even when we disagree.',
  ),
  scale(
    'tillid_ansvar',
    'tillid',
    'Jeg stoler på, at mine kolleger tager deres del af det fælles arbejde.',
    'I trust my colleagues to do their part of our shared work.',
  ),
  scale(
    'tillid_sammenhold',
    'tillid',
    'Der er et godt sammenhold mellem kollegerne, der hvor jeg arbejder.',
    'There is good cohesion among colleagues where I work.',
  ),
  scale(
    'kerne_enighed',
    'kerneopgave',
    'Vi er enige om, hvad der er vores vigtigste opgave over for børnene og de unge.',
    'We agree on what our most important task towards the children and young people is.',
  ),
  scale(
    'kerne_forventning',
    'kerneopgave',
    'Jeg ved, hvad der forventes af mig i mit daglige arbejde.',
    'I know what is expected of me in my daily work.',
  ),
  scale(
    'kerne_samarbejde',
    'kerneopgave',
    'Samarbejdet med de andre teams og afdelinger fungerer godt.',
    'Cooperation with the other teams and departments works well.',
  ),
  scale(
    'kerne_viden',
    'kerneopgave',
    'Vi trækker på hinandens viden på tværs af teams, når det gavner opgaven.',
    'We draw on each other’s knowledge across teams when it helps the work.',
  ),
  scale(
    'ledelse_anerkendelse',
    'ledelse',
    'Min nærmeste leder anerkender det arbejde, jeg gør.',
    'My nearest leader recognises the work I do.',
  ),
  scale(
    'ledelse_respekt',
    'ledelse',
    'Min nærmeste leder behandler medarbejderne retfærdigt og med respekt.',
    'My nearest leader treats the staff fairly and with respect.',
  ),
  scale(
    'ledelse_opbakning',
    'ledelse',
    'Jeg får opbakning fra min nærmeste leder, når jeg har brug for det.',
    'I get support from my nearest leader when I need it.',
  ),
  scale(
    'involvering_beslutninger',
    'involvering',
    'Jeg bliver inddraget i beslutninger, der har betydning for mit arbejde.',
    'I am involved in decisions that matter for my work.',
  ),
  scale(
    'involvering_indflydelse',
    'involvering',
    'Jeg har indflydelse på, hvordan jeg tilrettelægger mit arbejde.',
    'I have a say in how I organise my work.',
  ),
  scale(
    'involvering_tilknytning',
    'involvering',
    'Jeg er glad for at være en del af denne arbejdsplads.',
    'I am glad to be part of this workplace.',
  ),
  scale(
    'plf_feedback',
    'plf',
    'Vi lærer af hinanden ved at give hinanden feedback, tale reflekterende sammen og se på data om vores praksis.',
    'We learn from each other by giving feedback, reflecting together in dialogue and looking at data about our practice.',
  ),
  scale(
    'plf_deling',
    'plf',
    'Vi deler viden, som andre kan bruge, med andre grupper, teams og afdelinger.',
    'We share knowledge that others can use with other groups, teams and departments.',
  ),
  scale(
    'plf_nysgerrig_leder',
    'plf',
    'Min nærmeste leder er nysgerrig på medarbejdernes syn på, hvad der virker i praksis.',
    'My nearest leader is curious about the staff’s views on what works in practice.',
  ),
  scale(
    'plf_faelles_anliggende',
    'plf',
    'Børnenes og de unges læring, udvikling og trivsel er et fælles anliggende for os alle.',
    'The children’s and young people’s learning, development and well-being is a shared concern for all of us.',
  ),
  {
    key: 'tekst_virker',
    kind: 'text',
    dimension: null,
    da: 'Hvad fungerer godt i jeres samarbejde om børnenes og de unges læring og trivsel?',
    en: 'What works well in your cooperation on the children’s and young people’s learning and well-being?',
  },
  {
    key: 'tekst_bedre',
    kind: 'text',
    dimension: null,
    da: 'Hvad kunne gøre jeres arbejdsplads til et endnu bedre sted at lære sammen?',
    en: 'What could make your workplace an even better place to learn together?',
  },
];

/** The built-in questionnaire's id (also its family): the same on every instance. */
export const BUILTIN_QUESTIONNAIRE_ID = 'b0117100-5e1f-4a11-8000-000000000018';
const BUILTIN_NAME = {
  da: 'Social kapital og professionelle læringsfællesskaber',
  en: 'Social capital and professional learning communities',
};

/**
 * Start-up work (main.ts, and the test databases): the built-in questionnaire exists, published, the instance's
 * own. Idempotent and safe with two processes at once: the version row is inserted `on conflict do nothing`, and
 * only the transaction that inserted it adds the items (the other waits on the unique key, then finds it done).
 * An existing built-in questionnaire is never changed (rounds may use it); a new wording is a new version.
 */
export async function ensureBuiltinQuestionnaire(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const made = await tx
      .insert(surveyQuestionnaires)
      .values({
        id: BUILTIN_QUESTIONNAIRE_ID,
        family: BUILTIN_QUESTIONNAIRE_ID,
        version: 1,
        kommuneId: null,
        nameDa: BUILTIN_NAME.da,
        nameEn: BUILTIN_NAME.en,
        state: 'published',
        builtIn: true,
        publishedAt: sql`now()`,
      })
      .onConflictDoNothing()
      .returning({ id: surveyQuestionnaires.id });
    if (made.length === 0) return false;
    await tx.insert(surveyItems).values(
      BUILTIN_ITEMS.map((item, position) => ({
        questionnaireId: BUILTIN_QUESTIONNAIRE_ID,
        key: item.key,
        position,
        kind: item.kind,
        dimension: item.dimension,
        textDa: item.da,
        textEn: item.en,
      })),
    );
    return true;
  });
}
