import { EVALUATION_WORDS, kindConcerns, schoolYearOf } from '../../../shared/evaluation.js';
import { wordKind } from '../../../shared/vocabulary.js';
import { randomToken, sha256 } from '../../auth/crypto.js';
import { actorOf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { type IcsEvent, icsCalendar } from '../../ics/ics.js';
import type { Actor } from '../../policy/index.js';
import { visibleEvaluationPlans } from '../../policy/sql-evaluation.js';
import { audit } from '../audit.js';
import { personDetail } from '../people/index.js';
import * as repo from './repo.js';
import { danishToday } from './resource.js';

/** At most this many items in one feed (last school year on). */
const FEED_MAX = 2000;
const REFRESH = 'PT6H';

/**
 * A person's calendar feed of the evaluation plans they may read (issue 17 part 1): their institutions', their
 * teams' and their kommune's published plans, from last school year on. The address holds a random secret whose
 * SHA-256 alone is kept; renewing it stops the old address at once. The feed is read with the person's access as
 * it is now (a person who left an institution or a team no longer gets its items).
 */
export function createFeedService(ctx: Pick<AppContext, 'db' | 'config'>) {
  const { db, config } = ctx;
  const url = (token: string) => `${config.publicUrl}/api/v1/evaluation/calendar/${token}.ics`;

  return {
    async status(actor: Actor) {
      const row = await repo.feedToken(db, actor.id);
      return { active: !!row, createdAt: row?.createdAt ?? null };
    },

    /** Makes the address, or a new one (the old one stops working at once). Shown only now. */
    async renew(actor: Actor) {
      const token = randomToken(32);
      const createdAt = await db.transaction(async (tx) => {
        const at = await repo.setFeedToken(tx, actor.id, sha256(token));
        await audit(tx, actor, 'evaluation.feed_renew', 'user', actor.id);
        return at;
      });
      return { url: url(token), createdAt };
    },

    async stop(actor: Actor) {
      await repo.deleteFeedToken(db, actor.id);
      return { ok: true as const };
    },

    /** The feed's iCalendar text for a token; null when the token is unknown or its person disabled. */
    async feed(token: string, now = new Date()): Promise<string | null> {
      const userId = await repo.feedOwner(db, sha256(token));
      const person = userId ? await personDetail(db, userId) : null;
      if (!person || person.status === 'disabled') return null;
      const actor = actorOf(person);
      const w = EVALUATION_WORDS[person.locale === 'en' ? 'en' : 'da'];
      const year = schoolYearOf(danishToday(now));
      const found = await repo.feedItems(db, visibleEvaluationPlans(actor), year - 1, FEED_MAX);
      // A kommune plan's items as in the wheel: those that concern the person's kinds of institution (forvaltning: all).
      const kinds = [
        ...new Set(person.grants.filter((g) => g.institutionType).map((g) => wordKind(g.institutionType))),
      ];
      const forv = new Set(person.grants.filter((g) => g.role === 'forvaltning').map((g) => g.kommuneId));
      const events: IcsEvent[] = [];
      for (const r of found) {
        const x = r.item;
        if (r.scope === 'kommune' && !forv.has(r.kommuneId) && !kinds.some((k) => kindConcerns(x.kind, k)))
          continue;
        const about = [
          `${w.plan}: ${r.ownerName}`,
          x.groups ? `${w.groups}: ${x.groups}` : '',
          x.responsibleText ? `${w.responsible}: ${x.responsibleText}` : '',
          x.note,
        ]
          .filter(Boolean)
          .join('\n');
        const base = {
          start: now,
          end: now,
          sequence: x.version,
          lastModified: x.updatedAt,
          url: `${config.publicUrl}/dataaarshjul`,
          description: about,
        };
        events.push({
          ...base,
          uid: `${x.id}-collect@amongi`,
          days: { from: x.collectFrom, to: x.collectTo },
          summary: `${w.collect}: ${x.title} (${w.kinds[x.kind]})`,
        });
        if (x.analyseOn)
          events.push({
            ...base,
            uid: `${x.id}-analysis@amongi`,
            days: { from: x.analyseOn, to: x.analyseOn },
            summary: `${w.analyse}: ${x.title}${x.meetingKind ? ` — ${w.meetings[x.meetingKind]}${r.meetingTeamName ? `, ${r.meetingTeamName}` : ''}` : ''}`,
          });
      }
      return icsCalendar({ name: w.calendar, refreshInterval: REFRESH, stamp: now, events });
    },
  };
}
