/**
 * Every domain event in one place. A publisher publishes after its transaction committed (or through
 * `EventBus.transaction`, which does that for it); caches subscribe. Payloads stay small (ids only): on
 * PostgreSQL they travel to every other process through NOTIFY, whose payload is limited to 8,000 bytes.
 */
export type DomainEvent =
  /** A video's access narrowed or its media changed (visibility, consent, shares ended, ready, deleted). */
  | { type: 'video.access.changed'; videoId: string }
  /** The catalogue or taxonomy changed: what search and the home page show may differ. */
  | { type: 'catalogue.changed' }
  /** Anything else search or the home page show changed (counts, "what I tried", communities). */
  | { type: 'search.changed' }
  /** A person's name, language, status, roles or teams changed: their sessions carry a stale copy. */
  | { type: 'person.changed'; userId: string }
  /** One session ended (sign-out, expiry). */
  | { type: 'session.revoked'; sessionId: string }
  /** Every session of a person ended (sign-out everywhere, password change or reset, disabled). */
  | { type: 'sessions.revoked'; userId: string }
  /** Kommuner or institutions changed (counts, names). */
  | { type: 'directory.changed' }
  /** A place or team was renamed or removed: every session carries such names, so all are reloaded. */
  | { type: 'directory.renamed' }
  /** Another process wants the lock on an upload: its holder here lets go (tus "request release"). */
  | { type: 'upload.release'; uploadId: string }
  /** A team meeting changed (plan, roles, rounds, turns, contributions, decisions): its live streams resend it. */
  | { type: 'meeting.changed'; meetingId: string }
  /** A practice story was written, reviewed, withdrawn or tried: story search forgets what it remembers. */
  | { type: 'stories.changed' };

export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

const TYPES: Record<EventType, true> = {
  'video.access.changed': true,
  'catalogue.changed': true,
  'search.changed': true,
  'person.changed': true,
  'session.revoked': true,
  'sessions.revoked': true,
  'directory.changed': true,
  'directory.renamed': true,
  'upload.release': true,
  'stories.changed': true,
  'meeting.changed': true,
};

/** A received payload as an event, or null when it is not one this version knows (e.g. during a rolling update). */
export function parseEvent(value: unknown): DomainEvent | null {
  if (!value || typeof value !== 'object') return null;
  const e = value as Record<string, unknown>;
  if (typeof e.type !== 'string' || !(e.type in TYPES)) return null;
  for (const key of ['videoId', 'userId', 'sessionId', 'uploadId', 'meetingId'])
    if (key in e && typeof e[key] !== 'string') return null;
  return e as DomainEvent;
}
