import type { z } from 'zod';
import type { Locale } from '../../../../shared/constants.js';
import type * as c from '../../../../shared/contracts/survey.js';
import { wordKind } from '../../../../shared/vocabulary.js';
import { createLimiter, type Limiter } from '../../../auth/rate-limit.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError, RetryLaterError } from '../../../http/errors.js';
import { danishToday, roundState } from '../days.js';
import { invitationLookup } from '../tokens.js';
import * as repo from './repo.js';
import { answerScores } from './scores.js';

/** Wrong codes one address may try in a window before it must wait (a school's staff often share one address). */
export const ANSWER_LIMIT = { misses: 30, windowMs: 10 * 60_000 };

/** Open from its first day to its last (Danish days), inclusive; closed early by forvaltning means closed. */
function checkOpen(r: repo.RoundDays, today: string) {
  const state = roundState(r, today);
  if (state === 'closed') throw new AppError('survey.round_closed');
  if (state === 'planned') throw new AppError('survey.round_not_open');
}

type Options = { limit?: { misses: number; windowMs: number }; now?: () => Date };

/**
 * Answering the staff survey by link or printed code (issue 18 item 2), without a session. The person behind a
 * link is never looked up: the invitation gives the round and group, the answer keeps only those and the day.
 *
 * Guessing: a printed code has 60 bits, a link 256. Each code tried counts against the address up front (so
 * parallel guesses count too) and is taken back when the code exists, so a school behind one address is not
 * locked out by its own staff; a link that matches nothing counts too (a link that works is not counted at all:
 * the thousands of e-mailed links answered at once cost no limiter round trip).
 */
export function createAnswerService(ctx: AppContext, opts: Options = {}) {
  const limit = opts.limit ?? ANSWER_LIMIT;
  const misses: Limiter = createLimiter(ctx.database, 'survey-answer', limit.misses, limit.windowMs);
  const now = opts.now ?? (() => new Date());
  // A published questionnaire version never changes (and a round only uses published ones): its items are kept.
  const itemCache = new Map<string, Promise<repo.ItemRow[]>>();

  function items(db: DbOrTx, questionnaireId: string) {
    let hit = itemCache.get(questionnaireId);
    if (!hit) {
      if (itemCache.size > 200) itemCache.clear();
      hit = repo.questionnaireItems(db, questionnaireId);
      hit.catch(() => itemCache.delete(questionnaireId));
      itemCache.set(questionnaireId, hit);
    }
    return hit;
  }

  // A round's questionnaire version is fixed for its life: kept too.
  const versionCache = new Map<string, string>();
  async function versionOf(roundId: string) {
    const hit = versionCache.get(roundId);
    if (hit) return hit;
    const version = await repo.roundVersion(ctx.db, roundId);
    if (version) {
      if (versionCache.size > 1000) versionCache.clear();
      versionCache.set(roundId, version);
    }
    return version;
  }

  /** Counts a code up front; returns how to settle the count once the lookup is known. */
  async function count(lookup: repo.Lookup, ip: string) {
    const key = `ip:${ip}`;
    const isCode = lookup.column === 'code_hash';
    if (isCode) {
      const wait = await misses.hit(key);
      if (wait > 0) throw new RetryLaterError('survey.too_many_tries', wait);
    }
    return {
      found: () => (isCode ? misses.undo(key) : undefined),
      missed: async () => {
        if (isCode) return;
        const wait = await misses.hit(key);
        if (wait > 0) throw new RetryLaterError('survey.too_many_tries', wait);
      },
    };
  }

  /** The form behind a link or code: round, place, group and the version's questions in `locale`. */
  async function form(token: string, locale: Locale, ip: string): Promise<z.input<typeof c.AnswerForm>> {
    const lookup = invitationLookup(token);
    const tally = await count(lookup, ip);
    const row = await repo.findForm(ctx.db, lookup);
    if (!row) {
      await tally.missed();
      throw new AppError('survey.token_unknown');
    }
    await tally.found();
    if (row.used) throw new AppError('survey.token_used');
    checkOpen(row, danishToday(now()));
    const list = await items(ctx.db, row.questionnaireId);
    return {
      roundId: row.roundId,
      roundName: row.roundName,
      kommuneName: row.kommuneName,
      institutionName: row.institutionName,
      department: row.department,
      roleGroup: row.roleGroup,
      words: wordKind(row.institutionType),
      opensOn: row.opensOn,
      closesOn: row.closesOn,
      items: list.map((i) => ({
        id: i.id,
        kind: i.kind,
        dimension: i.dimension,
        text: locale === 'en' && i.textEn ? i.textEn : i.textDa,
      })),
    };
  }

  /** Every scale question once at most (1–5 or null), texts only for text questions; the rest is "ved ikke". */
  function checkAnswer(list: repo.ItemRow[], body: z.output<typeof c.AnswerSubmit>) {
    const kinds = new Map(list.map((i) => [i.id, i.kind]));
    const values = new Map<string, number | null>();
    for (const v of body.values) {
      const kind = kinds.get(v.itemId);
      if (!kind) throw new AppError('survey.item_unknown');
      if (kind !== 'scale') throw new AppError('survey.item_kind');
      if (values.has(v.itemId)) throw new AppError('survey.item_twice');
      values.set(v.itemId, v.value);
    }
    const texts = new Map<string, string>();
    for (const t of body.texts) {
      const kind = kinds.get(t.itemId);
      if (!kind) throw new AppError('survey.item_unknown');
      if (kind !== 'text') throw new AppError('survey.item_kind');
      if (texts.has(t.itemId)) throw new AppError('survey.item_twice');
      texts.set(t.itemId, t.text);
    }
    const scale = list.filter((i) => i.kind === 'scale');
    return {
      scores: answerScores(scale, values),
      values: scale.map((i) => ({ itemId: i.id, value: values.get(i.id) ?? null })),
      texts: [...texts].filter(([, text]) => text !== '').map(([itemId, text]) => ({ itemId, text })),
    };
  }

  /**
   * Takes an answer (repo.takeAnswer: one statement, so one transaction): the round open today and locked
   * `for share`, the invitation this round's and unused, marked used, and the answer with its values and scores,
   * the open texts apart. Any refusal writes nothing: nothing is half-counted.
   */
  async function submit(body: z.output<typeof c.AnswerSubmit>, ip: string) {
    const lookup = invitationLookup(body.token);
    const tally = await count(lookup, ip);
    let known = false;
    try {
      const version = await versionOf(body.roundId);
      if (!version) throw new AppError('survey.token_unknown');
      const answer = checkAnswer(await items(ctx.db, version), body);
      const today = danishToday(now());
      const taken = await repo.takeAnswer(ctx.db, lookup, {
        roundId: body.roundId,
        answeredOn: today,
        ...answer,
      });
      if (!taken) throw new AppError('survey.token_unknown');
      if (taken.groupId) {
        known = true;
        return { ok: true as const, answeredOn: today };
      }
      checkOpen(taken, today);
      const why = await repo.whyNot(ctx.db, lookup, body.roundId);
      known = why !== 'unknown';
      if (why === 'used') throw new AppError('survey.token_used');
      if (why === 'wrong_round') throw new AppError('survey.wrong_round');
      throw new AppError('survey.token_unknown');
    } finally {
      if (known) await tally.found();
      else await tally.missed().catch((err) => err);
    }
  }

  return { form, submit };
}
