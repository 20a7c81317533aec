import type { MeetingRole } from '../../../../shared/inquiry.js';

type Person = { id: string; name: string };

/** Alphabetical by name (Danish order: æ, ø, å last), then by id so that namesakes keep one order. */
export const alphabetical = (a: Person, b: Person) =>
  a.name.localeCompare(b.name, 'da') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The default role holders of a new meeting: each role goes to the member after the one who held it at the
 * team's previous meeting, alphabetically (round the end of the list; a holder who has left the team still has
 * their place in the order). Without a previous holder the roles start at the first three members.
 */
export function rotateRoles(
  members: Person[],
  previous: Partial<Record<MeetingRole, Person | null>> | undefined,
): Record<MeetingRole, string | null> {
  const sorted = [...members].sort(alphabetical);
  const pick = (role: MeetingRole, start: number): string | null => {
    if (sorted.length === 0) return null;
    const before = previous?.[role];
    if (!before) return sorted[start % sorted.length].id;
    return (sorted.find((p) => alphabetical(p, before) > 0) ?? sorted[0]).id;
  };
  return {
    facilitator: pick('facilitator', 0),
    timekeeper: pick('timekeeper', 1),
    dataholder: pick('dataholder', 2),
  };
}
