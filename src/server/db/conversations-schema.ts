import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type {
  ConversationParticipant,
  ThemeChoice,
  ThemeSnapshot,
} from '../../shared/contracts/conversations.js';
import { CONVERSATION_STATES } from '../../shared/conversations.js';
import { at, id, inList, institutions, users } from './schema.js';

/*
 * Learning conversations between levels (issue 17 part 4, P3): a data package forvaltning prepares for one
 * institution (its themes in priority order; the figures frozen in `snapshot` when it is shared with the
 * institution's leaders) and the record of the conversation held on it.
 */

const optionalUser = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

export const conversationPackages = pgTable(
  'conversation_packages',
  {
    id: id(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    state: text('state', { enum: CONVERSATION_STATES }).notNull().default('draft'),
    /** The chosen themes, most important first (an uploaded table's figures inside its theme). */
    themes: jsonb('themes').$type<ThemeChoice[]>().notNull().default([]),
    /** The figures as they were when the package was shared; null while it is a draft. */
    snapshot: jsonb('snapshot').$type<ThemeSnapshot[]>(),
    sharedAt: at('shared_at'),
    createdBy: optionalUser('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('conversation_packages_institution_idx').on(t.institutionId, t.plannedOn),
    index('conversation_packages_created_by_idx').on(t.createdBy),
    check('conversation_packages_state_check', inList('state', CONVERSATION_STATES)),
    check(
      'conversation_packages_snapshot_check',
      sql`(${t.state} = 'draft') = (${t.snapshot} is null and ${t.sharedAt} is null)`,
    ),
  ],
);

/** The record of the conversation held on a package: written by forvaltning and the unit's leaders together. */
export const conversationRecords = pgTable(
  'conversation_records',
  {
    packageId: uuid('package_id')
      .primaryKey()
      .references(() => conversationPackages.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }),
    participants: jsonb('participants').$type<ConversationParticipant[]>().notNull().default([]),
    guests: text('guests').notNull().default(''),
    /** How what was agreed last time went (the follow-up of the unit's previous conversation). */
    followUp: text('follow_up').notNull().default(''),
    reflections: text('reflections').notNull().default(''),
    focus: text('focus').notNull().default(''),
    goals: text('goals').notNull().default(''),
    efforts: text('efforts').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: optionalUser('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('conversation_records_updated_by_idx').on(t.updatedBy)],
);
