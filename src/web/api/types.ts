import type { InstitutionType, Locale, Role, TeamType } from '../../shared/constants';

export type PersonStatus = 'invited' | 'active' | 'disabled';

export type Grant = {
  id: string;
  role: Role;
  institutionId: string | null;
  institutionName: string | null;
  institutionType: InstitutionType | null;
  kommuneId: string | null;
  kommuneName: string | null;
};

export type TeamRef = { id: string; name: string; type: TeamType; institutionId: string };

export type PersonDetail = {
  id: string;
  name: string;
  email: string;
  status: PersonStatus;
  locale: Locale;
  createdAt: string;
  grants: Grant[];
  teams: TeamRef[];
};

export type Me = PersonDetail & {
  capabilities: {
    administer: boolean;
    readOutbox: boolean;
    /** Editors and administrators: the editorial pages (review queue, taxonomy, collections). */
    curate: boolean;
    manageInstitutionIds: string[];
  };
};

export type Session = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
};

export type Kommune = { id: string; name: string; code: string | null; institutionCount?: number };

export type Institution = {
  id: string;
  name: string;
  type: InstitutionType;
  kommuneId: string;
  kommuneName: string;
  teamCount?: number;
};

export type Team = TeamRef & { kommuneId: string; memberCount?: number };

export type TeamMember = { id: string; name: string; email: string; status: PersonStatus };

export type PersonListItem = {
  id: string;
  name: string;
  email: string;
  status: PersonStatus;
  roles: { role: Role; scopeName: string | null }[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type OutboxEmail = {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string | null;
  status: 'pending' | 'sent' | 'failed' | 'kept';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type ImportRow = {
  line: number;
  name: string;
  email: string;
  institution: string;
  team: string;
  role: string;
  action: 'create' | 'update' | 'unchanged';
  errors: { column: string; code: string; message: string }[];
};

export type ImportResult = {
  dryRun: boolean;
  rows: ImportRow[];
  summary: {
    total: number;
    valid: number;
    invalid: number;
    create: number;
    update: number;
    unchanged: number;
  };
};
