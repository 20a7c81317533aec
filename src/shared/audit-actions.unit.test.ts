import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_GROUP_LABELS, auditLabel } from './audit-actions.js';
import { EDITORIAL_STATES } from './catalogue.js';
import { STORY_STATES } from './inquiry.js';

const root = path.resolve(import.meta.dirname, '../server');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.includes('.test.') && !p.includes('.testing.') ? [p] : [];
  });
}

/** The arguments of a call starting at `from` (just after its "("), split at top-level commas. */
function callArgs(text: string, from: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      cur += ch;
      if (ch === quote && text[i - 1] !== '\\') quote = '';
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) return [...args, cur.trim()];
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  return args;
}

/** Actions written through an expression rather than a literal: the expression and what it can be. */
const DYNAMIC: Record<string, string[]> = {
  '`catalogue.${to}`': EDITORIAL_STATES.map((s) => `catalogue.${s}`),
  "`inquiry.story.${changes.state ?? 'update'}`": [...STORY_STATES, 'update'].map(
    (s) => `inquiry.story.${s}`,
  ),
  // cue-editor's saveCues(…, { action }) callers: grepped below.
  'o.action': [],
};

function actionsInUse() {
  const found = new Map<string, string>();
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith(`${path.sep}audit.ts`) && file.includes(`modules${path.sep}audit.ts`)) continue;
    for (const m of text.matchAll(/\baudit(?:Once)?\(/g)) {
      const args = callArgs(text, (m.index ?? 0) + m[0].length);
      const action = args[2] ?? '';
      const where = `${path.relative(root, file)}: ${action}`;
      const literals = [...action.matchAll(/'([a-z_.]+)'/g)].map((x) => x[1]);
      if (/^('[a-z_.]+'|[^`?]*\?\s*'[a-z_.]+'\s*:\s*'[a-z_.]+')$/.test(action.replace(/\s+/g, ' ')))
        for (const a of literals) found.set(a, where);
      else if (action in DYNAMIC) {
        const list =
          action === 'o.action'
            ? [...text.matchAll(/, action: '([a-z_.]+)' }/g)].map((x) => x[1])
            : DYNAMIC[action];
        for (const a of list) found.set(a, where);
      } else throw new Error(`audit action written as an expression this test does not know: ${where}`);
    }
  }
  return found;
}

describe('audit action labels', () => {
  const inUse = actionsInUse();

  it('finds the call sites (the grep works)', () => {
    expect(inUse.size).toBeGreaterThan(100);
    expect(inUse.has('role.grant')).toBe(true);
    expect(inUse.has('catalogue.published')).toBe(true);
    expect(inUse.has('video.caption.edit')).toBe(true);
  });

  it('has a Danish and an English label for every action written anywhere', () => {
    const missing = [...inUse].filter(([a]) => !Object.hasOwn(AUDIT_ACTIONS, a)).map(([, w]) => w);
    expect(missing).toEqual([]);
  });

  it('labels are non-empty and each group has a label', () => {
    for (const [a, v] of Object.entries(AUDIT_ACTIONS)) {
      expect(v.da.length, a).toBeGreaterThan(3);
      expect(v.en.length, a).toBeGreaterThan(3);
      expect(AUDIT_GROUP_LABELS[v.group], a).toBeDefined();
    }
  });

  it('an unknown action shows as its name', () => {
    expect(auditLabel('role.grant')).toBe('gav en rolle');
    expect(auditLabel('role.grant', 'en')).toBe('granted a role');
    expect(auditLabel('something.new')).toBe('something.new');
  });
});
