import { z } from 'zod';
import { AGE_BANDS } from '../catalogue.js';
import {
  email,
  id,
  institutionType,
  locale,
  name,
  page,
  password,
  role,
  teamType,
  timestamp,
} from './common.js';

/**
 * People and organisation: sign-in and the signed-in person (/auth, /me), people and their roles (/people),
 * kommuner, institutions, teams and team members. One area on the web (src/web/api/queries.ts).
 */

/** A person's account state: invited (no password yet), active, disabled. */
export const PERSON_STATUSES = ['invited', 'active', 'disabled'] as const;
const personStatus = z.enum(PERSON_STATUSES);

// Requests: sign-in and the signed-in person
/** A one-time link's token (invitation, password reset). */
export const TokenParams = z.strictObject({ token: z.string().min(20).max(200) });
/** The e-mail as typed: a wrong one must answer like a wrong password, so it is not checked as an address. */
export const Login = z.strictObject({ email: z.string().max(254), password });
export const PasswordResetRequest = z.strictObject({ email: z.string().max(254) });
export const PasswordSet = z.strictObject({ password });
export const PasswordChange = z.strictObject({ currentPassword: password, newPassword: password });
export const MeUpdate = z.strictObject({ name: name.optional(), locale: locale.optional() });

/**
 * What the person works with (issue 15): the front page narrows to these. Empty lists narrow nothing; ids are
 * taxonomy terms (subjects and methods).
 */
export const InterestsSet = z.strictObject({
  ageBands: z.array(z.enum(AGE_BANDS)).max(AGE_BANDS.length),
  subjectIds: z.array(id).max(200),
  methodIds: z.array(id).max(200),
});

// Requests: people
export const PeopleListQuery = z.strictObject({
  institutionId: id.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** One role with its scope: an institution role names the institution, a kommune role the kommune. */
export const GrantCreate = z.strictObject({
  role,
  institutionId: id.nullable().optional(),
  kommuneId: id.nullable().optional(),
});
export const PersonInvite = z.strictObject({
  name,
  email,
  locale: locale.optional(),
  grant: GrantCreate,
  teamIds: z.array(id).max(50).optional(),
});
export const PersonUpdate = z.strictObject({
  name: name.optional(),
  locale: locale.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const GrantParams = z.strictObject({ id, grantId: id });
export const TeamMemberParams = z.strictObject({ id, personId: id });

// Requests: organisation
const kommuneFields = {
  name,
  code: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'tre cifre')
    .nullable()
    .optional(),
};
export const KommuneCreate = z.strictObject(kommuneFields);
export const KommuneUpdate = z.strictObject(kommuneFields).partial();
export const InstitutionListQuery = z.strictObject({ kommuneId: id.optional() });
export const InstitutionCreate = z.strictObject({ kommuneId: id, name, type: institutionType });
export const InstitutionUpdate = z.strictObject({ name, type: institutionType }).partial();
export const TeamCreate = z.strictObject({ name, type: teamType });
export const TeamUpdate = TeamCreate.partial();

// Answers: sign-in and the signed-in person
export const CsrfToken = z.object({ token: z.string() });
/** Whom a one-time link is for, to greet them. */
export const TokenHolder = z.object({ name: z.string(), email: z.string() });

export const PersonGrant = z.object({
  id,
  role,
  institutionId: id.nullable(),
  institutionName: z.string().nullable(),
  institutionType: institutionType.nullable(),
  kommuneId: id.nullable(),
  kommuneName: z.string().nullable(),
});
export const PersonTeam = z.object({ id, name: z.string(), type: teamType, institutionId: id });
export const PersonDetail = z.object({
  id,
  name: z.string(),
  email: z.string(),
  status: personStatus,
  locale,
  createdAt: timestamp,
  grants: z.array(PersonGrant),
  teams: z.array(PersonTeam),
});
/** The signed-in person, with what the navigation may offer. */
export const Me = PersonDetail.extend({
  capabilities: z.object({
    administer: z.boolean(),
    readOutbox: z.boolean(),
    /** Editors and administrators: the editorial pages (review queue, taxonomy, collections). */
    curate: z.boolean(),
    manageInstitutionIds: z.array(id),
  }),
});
/** The person's interests; `suggested`: never saved, pre-filled from their institution type and teams. */
export const Interests = z.object({
  ageBands: z.array(z.enum(AGE_BANDS)),
  subjectIds: z.array(id),
  methodIds: z.array(id),
  suggested: z.boolean(),
});
/** A signed-in device; `id` is a prefix of the session's hash, enough to tell them apart. */
export const Session = z.object({
  id: z.string(),
  createdAt: timestamp,
  lastSeenAt: timestamp,
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(Session) });

// Answers: people
export const PersonListItem = z.object({
  id,
  name: z.string(),
  email: z.string(),
  status: personStatus,
  roles: z.array(z.object({ role, scopeName: z.string().nullable() })),
});
export const PersonPage = page(PersonListItem);
export const TeamMember = z.object({ id, name: z.string(), email: z.string(), status: personStatus });
export const TeamMemberList = z.object({ items: z.array(TeamMember) });

// Answers: organisation
export const Kommune = z.object({ id, name: z.string(), code: z.string().nullable() });
export const KommuneListItem = Kommune.extend({ institutionCount: z.number().int() });
export const KommuneList = z.object({ items: z.array(KommuneListItem) });
export const Institution = z.object({
  id,
  name: z.string(),
  type: institutionType,
  kommuneId: id,
  kommuneName: z.string(),
});
export const InstitutionListItem = Institution.extend({ teamCount: z.number().int() });
export const InstitutionList = z.object({ items: z.array(InstitutionListItem) });
export const Team = z.object({ id, name: z.string(), type: teamType, institutionId: id, kommuneId: id });
export const TeamListItem = Team.extend({ memberCount: z.number().int() });
export const TeamList = z.object({ items: z.array(TeamListItem) });
