import type { AgeBand, Pillar } from '../../shared/catalogue.js';
import type { Visibility } from '../../shared/constants.js';

/**
 * The shapes the parts of the demo seed share (a leaf: the video lists and the seeding steps import it, so they
 * need not import each other).
 */

/** One demo video (the lists are in videos.ts, videos-school.ts and videos-more.ts). */
export type DemoVideo = {
  /** Stable name: the original's file name is `demo-<slug>.mp4`, and other demo data refers to it. */
  slug: string;
  title: string;
  description: string;
  /** A subject label from the starting taxonomy (migration 0002). */
  subject: string;
  ageBand: AgeBand;
  methods: string[];
  pillars: Pillar[];
  /** The owner: the local part of a demo e-mail address (account or colleague). */
  owner: string;
  /** published (curated catalogue, the default), contributed (not submitted), in_review, returned, private. */
  kind?: 'published' | 'contributed' | 'in_review' | 'returned' | 'private';
  /** Default: public for published videos. */
  visibility?: Visibility;
  /** Team name, for team visibility. */
  team?: string;
  editorialComment?: string;
  /** Whether children or pupils appear (consent register); default true. */
  pupils?: boolean;
  /** Danish captions: [start seconds, end seconds, text]. */
  captions?: [number, number, string][];
};

/** Demo people by the local part of their e-mail, with the institution and kommune they work in. */
export type DemoPeople = Map<string, { id: string; institutionId: string | null; kommuneId: string | null }>;
