/**
 * The SCIM filters this server understands (RFC 7644 §3.4.2.2): one comparison `attribute eq "value"` on the
 * attributes clients look people and groups up by. Anything else is invalidFilter (400), never "everything".
 */

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: string,
  ) {
    super(detail);
  }
}

export const USER_FILTER_ATTRIBUTES = ['username', 'externalid', 'emails.value', 'emails', 'id'] as const;
export const GROUP_FILTER_ATTRIBUTES = ['displayname', 'externalid', 'id'] as const;

export type Filter = { attribute: string; value: string } | null;

const PATTERN = /^\s*([A-Za-z][\w.:-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

export function parseFilter(text: string | undefined, allowed: readonly string[]): Filter {
  if (text === undefined || text.trim() === '') return null;
  const m = PATTERN.exec(text);
  if (!m) throw new ScimError(400, `Filteret kan ikke læses: ${text.slice(0, 200)}`, 'invalidFilter');
  // A full URN prefix (urn:ietf:params:scim:schemas:core:2.0:User:userName) names the same attribute.
  const attribute = m[1].replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, '').toLowerCase();
  if (!allowed.includes(attribute))
    throw new ScimError(400, `Filteret på ${m[1]} understøttes ikke.`, 'invalidFilter');
  let value: string;
  try {
    value = JSON.parse(`"${m[2]}"`) as string;
  } catch {
    throw new ScimError(400, 'Filterets værdi kan ikke læses.', 'invalidFilter');
  }
  return { attribute: attribute === 'emails' ? 'emails.value' : attribute, value };
}

/** startIndex (1-based) and count, clamped as RFC 7644 §3.4.2.4 says (count ≤ 0: none; at most 1,000). */
export function paging(query: { startIndex?: string; count?: string }) {
  const num = (v: string | undefined, d: number) => {
    if (v === undefined || v === '') return d;
    const n = Number(v);
    if (!Number.isInteger(n))
      throw new ScimError(400, 'startIndex og count skal være heltal.', 'invalidValue');
    return n;
  };
  return {
    startIndex: Math.max(1, num(query.startIndex, 1)),
    count: Math.min(1000, Math.max(0, num(query.count, 100))),
  };
}
