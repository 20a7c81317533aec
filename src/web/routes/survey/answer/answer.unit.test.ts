import { describe, expect, it } from 'vitest';
import {
  type Draft,
  type DraftStorage,
  deleteDraft,
  draftKey,
  hasAnswers,
  loadDraft,
  purgeOldDrafts,
  saveDraft,
  tokenHash,
} from './draft';
import { answerProblem, isFinal } from './errors';
import { type FormItem, progressOf, stepsOf, submissionOf, unansweredIn } from './steps';

/** A Map behind the Storage API, as the browser's localStorage behaves. */
function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

const draft = (over: Partial<Draft> = {}): Draft => ({
  roundId: 'r1',
  values: { a: 4, b: 'dk' },
  texts: { t: 'Mere tid til sparring' },
  step: 2,
  savedAt: '2026-12-07T09:00:00.000Z',
  ...over,
});

describe('the draft on the device', () => {
  it('keeps a draft per token and gives it back for the same round only', () => {
    const s = memoryStorage();
    expect(saveDraft(s, 'tok-1', draft())).toBe(true);
    expect(loadDraft(s, 'tok-1', 'r1')).toEqual(draft());
    expect(loadDraft(s, 'tok-2', 'r1')).toBeNull();
    expect(loadDraft(s, 'tok-1', 'r2')).toBeNull();
  });

  it('never stores the token itself', () => {
    const s = memoryStorage();
    saveDraft(s, 'SECRET-TOKEN-abc', draft());
    const [[key, value]] = [...s.map.entries()];
    expect(key).toBe(draftKey('SECRET-TOKEN-abc'));
    expect(key + value).not.toContain('SECRET');
    expect(tokenHash('x')).toMatch(/^[0-9a-f]{16}$/);
    expect(tokenHash('abc')).not.toBe(tokenHash('abd'));
  });

  it('drops values outside the scale and unreadable drafts', () => {
    const s = memoryStorage();
    s.setItem(
      draftKey('t'),
      JSON.stringify({
        roundId: 'r1',
        values: { a: 6, b: 0, c: 3, d: 'dk', e: '2' },
        texts: { x: 1, y: 'ok' },
      }),
    );
    expect(loadDraft(s, 't', 'r1')).toEqual({
      roundId: 'r1',
      values: { c: 3, d: 'dk' },
      texts: { y: 'ok' },
      step: 0,
      savedAt: '',
    });
    s.setItem(draftKey('u'), '{not json');
    expect(loadDraft(s, 'u', 'r1')).toBeNull();
  });

  it('is deleted on send, and old drafts are purged', () => {
    const s = memoryStorage();
    saveDraft(s, 'a', draft());
    saveDraft(s, 'b', draft({ savedAt: '2026-01-01T00:00:00.000Z' }));
    s.setItem('amongi.locale', 'da');
    purgeOldDrafts(s, new Date('2026-12-07T10:00:00Z'));
    expect(loadDraft(s, 'a', 'r1')).not.toBeNull();
    expect(loadDraft(s, 'b', 'r1')).toBeNull();
    expect(s.getItem('amongi.locale')).toBe('da');
    deleteDraft(s, 'a');
    expect(loadDraft(s, 'a', 'r1')).toBeNull();
  });

  it('survives a device that refuses storage', () => {
    const broken: DraftStorage = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(saveDraft(broken, 't', draft())).toBe(false);
    expect(loadDraft(broken, 't', 'r1')).toBeNull();
    expect(() => deleteDraft(broken, 't')).not.toThrow();
    expect(saveDraft(null, 't', draft())).toBe(false);
  });

  it('knows whether anything was answered', () => {
    expect(hasAnswers({ values: {}, texts: { t: '  ' } })).toBe(false);
    expect(hasAnswers({ values: { a: 'dk' }, texts: {} })).toBe(true);
  });
});

const item = (id: string, dimension: FormItem['dimension'], kind: FormItem['kind'] = 'scale'): FormItem => ({
  id,
  kind,
  dimension,
  text: id,
});

describe('the form in steps', () => {
  const items = [
    item('t1', 'tillid'),
    item('t2', 'tillid'),
    item('tc', 'tillid', 'text'),
    item('k1', 'kerneopgave'),
    item('free', null, 'text'),
    item('p1', 'plf'),
    item('p2', 'plf'),
    item('lone', 'ledelse', 'text'),
  ];

  it('makes one step per dimension, a dimension comment inside it, other open questions last', () => {
    expect(stepsOf(items).map((s) => [s.key, s.items.map((i) => i.id)])).toEqual([
      ['tillid', ['t1', 't2', 'tc']],
      ['kerneopgave', ['k1']],
      ['plf', ['p1', 'p2']],
      ['open', ['free', 'lone']],
    ]);
    expect(stepsOf([])).toEqual([]);
  });

  it('counts progress over scale questions, "ved ikke" as given', () => {
    expect(progressOf(items, { t1: 3, p1: 'dk', tc: 2 })).toEqual({ answered: 2, total: 5 });
    expect(unansweredIn(stepsOf(items)[0], { t1: 3 }).map((i) => i.id)).toEqual(['t2']);
  });

  it('sends every scale question once (unanswered and "ved ikke" as null) and only non-empty texts', () => {
    const body = submissionOf(
      'tok',
      'r1',
      items,
      { values: { t1: 5, t2: 'dk', p2: 1 }, texts: { tc: '  x ', free: ' ', lone: 'abcdef' } },
      4,
    );
    expect(body).toEqual({
      token: 'tok',
      roundId: 'r1',
      values: [
        { itemId: 't1', value: 5 },
        { itemId: 't2', value: null },
        { itemId: 'k1', value: null },
        { itemId: 'p1', value: null },
        { itemId: 'p2', value: 1 },
      ],
      texts: [
        { itemId: 'tc', text: 'x' },
        { itemId: 'lone', text: 'abcd' },
      ],
    });
  });
});

describe('answer problems', () => {
  it('maps each code to what the person is told', () => {
    expect(answerProblem({ code: 'survey.already_answered', status: 409 })).toBe('used');
    expect(answerProblem({ code: 'survey.round_closed', status: 409 })).toBe('closed');
    expect(answerProblem({ code: 'survey.token_unknown', status: 404 })).toBe('invalid');
    expect(answerProblem({ code: 'survey.item_unknown', status: 400 })).toBe('answerInvalid');
    expect(answerProblem({ code: 'network', status: 0 })).toBe('offline');
    expect(answerProblem({ code: 'something.new', status: 429 })).toBe('rateLimited');
    expect(answerProblem({ code: 'something.new', status: 500 })).toBe('other');
    expect(answerProblem(new Error('x'))).toBe('other');
    expect(isFinal('closed')).toBe(true);
    expect(isFinal('offline')).toBe(false);
  });
});
