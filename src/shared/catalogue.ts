/** Catalogue vocabulary (V1) shared by server and web. Labels live in the web i18n files (`catalogue.ageBand.*`, `catalogue.pillar.*`). */

/** Age bands, youngest first. */
export const AGE_BANDS = ['0-2', '3-5', 'kl0-3', 'kl4-6', 'kl7-10', 'klub'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The five pillars of a professional learning community (PLF-huset). */
export const PILLARS = ['vision', 'laering', 'samarbejde', 'dialog', 'deprivatisering'] as const;
export type Pillar = (typeof PILLARS)[number];

/** Taxonomy terms editors manage: subjects (fag) and methods. */
export const TERM_KINDS = ['subject', 'method'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/**
 * The editorial workflow for the public catalogue. `none`: a contributed video, not in the catalogue.
 * draft → in_review → published, or in_review → returned (with a comment) → in_review again.
 */
export const EDITORIAL_STATES = ['none', 'draft', 'in_review', 'returned', 'published'] as const;
export type EditorialState = (typeof EDITORIAL_STATES)[number];

/** Search sort orders (V3). */
export const SEARCH_SORTS = ['relevance', 'newest', 'tried'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Communities of practice (V4): open to anyone, or by invitation. */
export const COMMUNITY_ACCESS = ['open', 'invite'] as const;
export type CommunityAccess = (typeof COMMUNITY_ACCESS)[number];
export const COMMUNITY_ROLES = ['member', 'moderator'] as const;
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];
/** What a member posts in a community (issue 15); an event's details live beside its post. */
export const COMMUNITY_POST_KINDS = ['question', 'tip', 'link', 'file', 'event'] as const;
export type CommunityPostKind = (typeof COMMUNITY_POST_KINDS)[number];

/** Comments (V4): how deep replies may nest (a top-level comment has depth 0), and how long a body may be. */
export const COMMENT_MAX_DEPTH = 4;
export const COMMENT_MAX_LENGTH = 10_000;

/** Learning packages (V8): the kinds of item a package holds. */
export const PACKAGE_ITEM_KINDS = ['video', 'text', 'question'] as const;
export type PackageItemKind = (typeof PACKAGE_ITEM_KINDS)[number];
/** Who may use a learning package: its owner only, the owner's institution, kommune, or everyone. */
export const PACKAGE_VISIBILITIES = ['private', 'institution', 'kommune', 'public'] as const;
export type PackageVisibility = (typeof PACKAGE_VISIBILITIES)[number];
