/**
 * Team inquiry cycles (T1–T4): the words of the data model, shared by server and web. A cycle follows a
 * template's phases; every phase belongs to one of the three stages før / under / efter.
 */
export const INQUIRY_STAGES = ['foer', 'under', 'efter'] as const;
export type InquiryStage = (typeof INQUIRY_STAGES)[number];

/** Where a cycle is: in one of the stages, or finished (then it can become a practice story). */
export const CYCLE_STATES = [...INQUIRY_STAGES, 'afsluttet'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/** The kinds of a template field: a line, a longer text, a date. */
export const INQUIRY_FIELD_KINDS = ['line', 'text', 'date'] as const;
export type InquiryFieldKind = (typeof INQUIRY_FIELD_KINDS)[number];

/** Institution kinds a template is offered to. */
export const INQUIRY_KINDS = ['skole', 'dagtilbud', 'klub'] as const;

/** A task in a team: a line of a cycle's data plan, or an action item from a meeting or an analysis. */
export const TASK_KINDS = ['data', 'action'] as const;

/** What a cycle's evidence can be. Visits and videos are links: their own access rules still apply. */
export const EVIDENCE_KINDS = ['visit', 'video', 'file', 'table', 'quote', 'note'] as const;

/** The three leadership moves a meeting's agenda is built around. */
export const MEETING_MOVES = ['stage', 'participation', 'respond'] as const;

export const MEETING_STATES = ['planned', 'running', 'ended'] as const;

/** The roles of a meeting; they rotate among the members from meeting to meeting unless changed. */
export const MEETING_ROLES = ['facilitator', 'timekeeper', 'dataholder'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** Limits (also in the contracts). */
export const INQUIRY_LIMITS = {
  agreement: 8000,
  field: 8000,
  title: 200,
  quote: 1000,
  note: 8000,
  contribution: 2000,
  tableRows: 50,
  tableColumns: 10,
  cell: 200,
  fileBytes: 20 * 1024 * 1024,
  tasksPerCycle: 100,
  evidencePerCycle: 300,
} as const;

/**
 * Practice stories (T4, B2): a finished cycle published for others. `draft` while the team writes it,
 * `in_review` with the editors, `returned` with the editor's note, `published` for its audience.
 */
export const STORY_STATES = ['draft', 'in_review', 'returned', 'published'] as const;
export type StoryState = (typeof STORY_STATES)[number];

/** Who may read a published story: the institution, the kommune, everyone signed in (every kommune), anyone. */
export const STORY_VISIBILITIES = ['institution', 'kommune', 'all', 'public'] as const;
export type StoryVisibility = (typeof STORY_VISIBILITIES)[number];

export const STORY_LIMITS = {
  title: 200,
  text: 8000,
  videos: 12,
  methods: 12,
  reviewNote: 2000,
} as const;
