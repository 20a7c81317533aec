import { and, eq } from 'drizzle-orm';
import type { ThemeChoice, ThemeSnapshot } from '../../shared/contracts/conversations.js';
import { conversationPackages, conversationRecords } from '../db/conversations-schema.js';
import type { Db } from '../db/index.js';
import { getSetting } from '../db/instance.js';
import { instanceSettings, institutions, kommuner, roleGrants, users } from '../db/schema.js';
import { computeFigures } from '../modules/conversations/index.js';
import { DEMO_DOMAIN } from './constants.js';

/**
 * Demo learning conversations (issue 17 part 4): Fjordby Kommune's forvaltning (Frederik Holm) and Solsikkeskolen's
 * leader (Lene Dalgaard) held a learning conversation in the spring on a data package of absence and reading-test
 * figures, and agreed a focus on reading comprehension in 3. årgang; the autumn package is shared and waiting for
 * the conversation — with the school's own observation data, tried/worked and training figures (frozen from the
 * demo's data when seeded) and this year's absence and reading figures, so the spring agreement shows for follow-up
 * and the uploaded figures can be followed over time. Deterministic; seeded once (its own flag).
 */

const DEMO_CONVERSATIONS_SETTING = 'demo_conversations_seeded';
const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

const ABSENCE = 'Elevfravær pr. årgang';
const READING = 'Læsetest: gode og sikre læsere';

const table = (
  key: string,
  title: string,
  unit: string,
  note: string,
  rows: [string, number][],
): ThemeChoice => ({
  key,
  kind: 'csv',
  title,
  note,
  unit,
  figures: rows.map(([label, value]) => ({ label, value })),
});

/** An uploaded table's frozen figures (the same keys computeFigures gives it). */
const frozen = (t: ThemeChoice): ThemeSnapshot => ({
  key: t.key,
  kind: 'csv',
  title: t.title,
  note: t.note,
  about: '',
  figures: t.figures.map((f) => ({
    key: `csv:${t.title.toLocaleLowerCase('da')}:${f.label.toLocaleLowerCase('da')}`,
    label: f.label,
    group: '',
    unit: 'number',
    unitLabel: t.unit,
    value: f.value,
    scale: null,
    suppressed: false,
  })),
});

const SPRING_THEMES: ThemeChoice[] = [
  table('laesning', READING, '%', 'Hvor mange læser sikkert ved slutningen af 2. og 3. klasse?', [
    ['2. årgang', 61],
    ['3. årgang', 58],
    ['4. årgang', 66],
  ]),
  table('fravaer', ABSENCE, '%', '', [
    ['0.–2. årgang', 4.8],
    ['3.–5. årgang', 5.9],
    ['6.–9. årgang', 7.4],
  ]),
];

const AUTUMN_TABLES: ThemeChoice[] = [
  table('laesning', READING, '%', 'Har læsebåndet i 3. årgang rykket noget siden foråret?', [
    ['2. årgang', 63],
    ['3. årgang', 67],
    ['4. årgang', 65],
  ]),
  table('fravaer', ABSENCE, '%', '', [
    ['0.–2. årgang', 4.5],
    ['3.–5. årgang', 5.2],
    ['6.–9. årgang', 7.6],
  ]),
];

export async function seedDemoConversations(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  if (await getSetting(db, DEMO_CONVERSATIONS_SETTING)) return false;
  const now = opts.now ?? new Date();
  const [school] = await db
    .select({ id: institutions.id, kommuneId: institutions.kommuneId })
    .from(institutions)
    .innerJoin(kommuner, eq(kommuner.id, institutions.kommuneId))
    .where(and(eq(institutions.name, 'Solsikkeskolen'), eq(kommuner.name, 'Fjordby Kommune')));
  const person = async (local: string) =>
    (
      await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.email, `${local}@${DEMO_DOMAIN}`))
    )[0];
  const [forvaltning, leder] = [await person('forvaltning'), await person('leder')];
  if (!school || !forvaltning || !leder)
    throw new Error('demo conversations need the demo organisation first');
  const [grant] = await db
    .select({ kommuneId: roleGrants.kommuneId })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, forvaltning.id), eq(roleGrants.role, 'forvaltning')));
  const actor = {
    id: forvaltning.id,
    grants: [
      { role: 'forvaltning' as const, kommuneId: grant?.kommuneId ?? school.kommuneId, institutionId: null },
    ],
    teamIds: [],
  };
  const autumnThemes: ThemeChoice[] = [
    {
      key: 'observation',
      kind: 'observation',
      title: '',
      note: 'Hvad viser jeres egne observationer om tydelige mål og elevernes deltagelse?',
      unit: '',
      figures: [],
    },
    {
      key: 'progression',
      kind: 'progression',
      title: '',
      note: 'Hvor står 3. årgang i læsning efter efterårets perioder?',
      unit: '',
      figures: [],
    },
    ...AUTUMN_TABLES,
    { key: 'tried', kind: 'tried', title: '', note: '', unit: '', figures: [] },
    { key: 'training', kind: 'training', title: '', note: '', unit: '', figures: [] },
  ];
  // The autumn package's figures from the demo's own data, frozen as if shared yesterday.
  const autumnFigures = await computeFigures({ db }, actor, school.id, autumnThemes, 'da', now);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  return db.transaction(async (tx) => {
    const [first] = await tx
      .insert(instanceSettings)
      .values({ key: DEMO_CONVERSATIONS_SETTING, value: now.toISOString() })
      .onConflictDoNothing()
      .returning({ key: instanceSettings.key });
    if (!first) return false;
    const [spring, autumn] = await tx
      .insert(conversationPackages)
      .values([
        {
          institutionId: school.id,
          title: 'Læringssamtale forår',
          plannedOn: day(ago(190)),
          state: 'shared',
          themes: SPRING_THEMES,
          snapshot: SPRING_THEMES.map(frozen),
          sharedAt: ago(200),
          createdBy: forvaltning.id,
          createdAt: ago(210),
          updatedAt: ago(200),
          version: 4,
        },
        {
          institutionId: school.id,
          title: 'Læringssamtale efterår',
          plannedOn: day(new Date(now.getTime() + 7 * DAY)),
          state: 'shared',
          themes: autumnThemes,
          snapshot: autumnFigures,
          sharedAt: ago(1),
          createdBy: forvaltning.id,
          createdAt: ago(12),
          updatedAt: ago(1),
          version: 6,
        },
      ])
      .returning({ id: conversationPackages.id });
    await tx.insert(conversationRecords).values({
      packageId: spring.id,
      heldOn: day(ago(190)),
      participants: [
        { id: forvaltning.id, name: forvaltning.name },
        { id: leder.id, name: leder.name },
      ],
      guests: 'Karen Holt, læsevejleder',
      reflections:
        'Læsetallene falder fra 2. til 3. årgang, mens fraværet stiger fra mellemtrinnet. Lærerne i 3. årgang oplever, at mange elever kan afkode, men ikke forstår det, de læser.',
      focus: 'Hvordan styrker vi elevernes læseforståelse i 3. årgang?',
      goals: 'Flere elever i 3. årgang er gode og sikre læsere ved næste læsetest.',
      efforts: 'Et dagligt læsebånd med fælles læsestrategier i 3. årgang, og læsevejlederen observerer med.',
      nextStep:
        'Teamet i 3. årgang prøver læsebåndet i seks uger og samler elevernes læselogbøger til næste samtale.',
      version: 2,
      updatedBy: leder.id,
      updatedAt: ago(188),
    });
    return !!autumn;
  });
}
