import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/training.js';
import { COVERAGE_MAX, type CourseState } from '../../../../shared/training.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can, memberInstitutionIds, seesVideo } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { videoResource } from '../../videos/index.js';
import { createOverviewService } from './overview.js';
import { countedTowardCourse, proposeIfDue } from './propose.js';
import * as repo from './repo.js';
import { getThreshold, setThreshold } from './settings.js';
import * as staff from './staff-repo.js';
import * as view from './view-repo.js';

const INSTANCE = { type: 'instance' } as const;
/** At most this many of a person's own requests are listed (one per method at most). */
const MY_REQUESTS_MAX = 500;
/** At most this many requests are listed for one institution's staff. */
const STAFF_REQUESTS_MAX = 2000;

/** How a method's demand looks to one person (the "Vi vil gerne trænes i denne metode" panel). */
export type MethodDemand = z.output<typeof c.MethodDemand>;

/**
 * The demand for these methods as the actor sees it, in a fixed number of queries however many methods: counts
 * (everyone's, as numbers), the actor's own request and teams, and the active course when the actor may see it.
 */
async function demandViews(
  db: DbOrTx,
  actor: Actor,
  methods: repo.Method[],
  threshold: number,
): Promise<MethodDemand[]> {
  const ids = methods.map((m) => m.id);
  const [counts, mine, teams, courses] = await Promise.all([
    view.counts(db, ids),
    view.mine(db, actor.id, ids),
    view.myTeams(db, actor.id),
    view.visibleActiveCourses(db, actor, ids),
  ]);
  const asked = await view.teamAsked(
    db,
    teams.map((t) => t.id),
    ids,
  );
  const mineBy = new Map(mine.map((r) => [r.methodId, r]));
  return methods.map((m) => {
    const count = counts.get(m.id)?.count ?? 0;
    const own = mineBy.get(m.id);
    return {
      method: { id: m.id, label: m.label },
      count,
      threshold,
      missing: Math.max(0, threshold - count),
      mine: {
        asked: !!own,
        viaTeam: own?.teamId && own.teamName ? { id: own.teamId, name: own.teamName } : null,
        requestedByName: own && own.requestedBy !== actor.id ? (own.requestedByName ?? null) : null,
      },
      teams: teams.map((t) => ({ ...t, alreadyAsked: asked.get(`${t.id}:${m.id}`) ?? 0 })),
      course: courses.get(m.id) ?? null,
    };
  });
}

/**
 * Asking for training in a method (V7): as oneself or for a whole team, from a video or a method tag; the
 * threshold that turns requests into a proposal; who covers which method; the overview.
 */
export function createDemandService(ctx: AppContext) {
  const { db } = ctx;

  async function loadMethod(id: string) {
    const m = await repo.getMethod(db, id);
    if (!m) throw new AppError('training.method_not_found');
    return m;
  }

  async function oneView(actor: Actor, method: repo.Method) {
    const [v] = await demandViews(db, actor, [method], await getThreshold(db));
    return v;
  }

  /** Where the request comes from: the video's institution when the actor works there, else their first. */
  function institutionFor(actor: Actor, videoInstitutionId: string | null) {
    const mine = memberInstitutionIds(actor);
    if (videoInstitutionId && mine.includes(videoInstitutionId)) return videoInstitutionId;
    return mine[0] ?? null;
  }

  return {
    overview: createOverviewService(ctx),

    /**
     * "Vi vil gerne trænes i denne metode". One transaction that first locks the method: the requests are
     * recorded (a person counts once per method however they asked), attached at once to an active course, or
     * turned into a proposal when they reach the threshold.
     */
    async request(actor: Actor, input: { methodId: string; videoId?: string; teamId?: string }) {
      authorize(actor, 'training.request', INSTANCE);
      const method = await loadMethod(input.methodId);
      let video: Awaited<ReturnType<typeof repo.getVideo>> | null = null;
      if (input.videoId) {
        video = await repo.getVideo(db, input.videoId);
        if (!video) throw new AppError('video.not_found');
        authorize(actor, 'video.engage', videoResource(video));
        if (!(await repo.videoHasMethod(db, video.id, method.id)))
          throw new AppError('training.method_not_on_video');
      }
      let userIds = [actor.id];
      let institutionId = institutionFor(actor, video?.institutionId ?? null);
      let teamId: string | null = null;
      if (input.teamId) {
        const team = await repo.teamOfMember(db, input.teamId, actor.id);
        if (!team) throw new AppError('training.not_team_member');
        userIds = await repo.teamMemberIds(db, team.id);
        institutionId = team.institutionId;
        teamId = team.id;
      }
      await db.transaction(async (tx) => {
        const locked = await repo.lockMethod(tx, method.id);
        if (!locked) throw new AppError('training.method_not_found');
        const threshold = await getThreshold(tx);
        const active = await repo.activeCourse(tx, locked.id);
        const counted = await repo.upsertRequests(tx, {
          methodId: locked.id,
          userIds,
          videoId: video?.id ?? null,
          teamId,
          requestedBy: actor.id,
          institutionId,
          courseId: active?.id ?? null,
        });
        if (active) await countedTowardCourse(tx, active, locked, counted, threshold);
        else await proposeIfDue(tx, locked, threshold);
      });
      return oneView(actor, method);
    },

    /** Withdraws the actor's own request (nothing to withdraw is fine). A proposal stays, with the new count. */
    async withdraw(actor: Actor, methodId: string) {
      authorize(actor, 'training.request', INSTANCE);
      const method = await loadMethod(methodId);
      await db.transaction(async (tx) => {
        if (!(await repo.lockMethod(tx, method.id))) throw new AppError('training.method_not_found');
        await repo.deleteCurrentRequest(tx, method.id, actor.id);
      });
      return oneView(actor, method);
    },

    async demand(actor: Actor, methodId: string) {
      authorize(actor, 'training.request', INSTANCE);
      return oneView(actor, await loadMethod(methodId));
    },

    /**
     * The training panel of a video: the demand for each of its methods, and the documented courses its
     * requests led to (the documentation video only for those who may watch it).
     */
    async forVideo(actor: Actor, videoId: string) {
      const v = await repo.getVideo(db, videoId);
      if (!v) throw new AppError('video.not_found');
      authorize(actor, 'video.read', videoResource(v));
      const threshold = await getThreshold(db);
      const methods = actor.id
        ? await demandViews(db, actor, await view.methodsOfVideo(db, v.id), threshold)
        : [];
      const documented = (await view.documentedFor(db, actor, v.id)).flatMap((r) => {
        const doc = view.videoOf(r, 'doc');
        const watchable = doc && seesVideo(actor, videoResource(doc));
        if (!r.courseVisible && !watchable) return [];
        return [
          {
            courseId: r.courseId,
            courseTitle: r.courseTitle,
            methodLabel: r.methodLabel,
            canOpenCourse: r.courseVisible,
            documentationVideo: watchable && doc ? { id: doc.id, title: doc.title } : null,
          },
        ];
      });
      return { threshold, canAsk: can(actor, 'video.engage', videoResource(v)), methods, documented };
    },

    /** The actor's own requests, newest first; the video only while they may still watch it. */
    async mine(actor: Actor) {
      authorize(actor, 'training.request', INSTANCE);
      const rows = await view.myRequests(db, actor, MY_REQUESTS_MAX);
      return {
        items: rows.map((r) => {
          const v = view.videoOf(r, 'video');
          return {
            method: { id: r.methodId, label: r.methodLabel },
            video: v && seesVideo(actor, videoResource(v)) ? { id: v.id, title: v.title } : null,
            viaTeam: r.teamId && r.teamName ? { id: r.teamId, name: r.teamName } : null,
            requestedByName: r.requestedBy && r.requestedBy !== actor.id ? r.requestedByName : null,
            createdAt: new Date(r.createdAt),
            course:
              r.courseId && r.courseVisible
                ? { id: r.courseId, state: r.courseState as CourseState, title: r.courseTitle as string }
                : null,
          };
        }),
      };
    },

    /**
     * One institution's staff demand (issue 15): per method, who of its people asked (names, via which team,
     * when), how many that is, and how far the method is from the threshold in all. Its leders, forvaltning of
     * its kommune and administrators; an institution one may not know is not found.
     */
    async staffDemand(actor: Actor, institutionId: string) {
      const inst = await staff.institution(db, institutionId);
      if (!inst) throw new AppError('institution.not_found');
      authorize(actor, 'training.staff', { type: 'institution', id: inst.id, kommuneId: inst.kommuneId });
      const [threshold, found] = await Promise.all([
        getThreshold(db),
        staff.staffRequests(db, inst.id, STAFF_REQUESTS_MAX),
      ]);
      const byMethod = new Map<string, { label: string; rows: staff.StaffRequestRow[] }>();
      for (const r of found) {
        const m = byMethod.get(r.methodId) ?? { label: r.methodLabel, rows: [] };
        m.rows.push(r);
        byMethod.set(r.methodId, m);
      }
      const ids = [...byMethod.keys()];
      const [counts, courses] = await Promise.all([
        view.counts(db, ids),
        view.visibleActiveCourses(db, actor, ids),
      ]);
      const methods = ids.map((id) => {
        const m = byMethod.get(id) as { label: string; rows: staff.StaffRequestRow[] };
        const total = counts.get(id)?.count ?? m.rows.length;
        return {
          method: { id, label: m.label },
          count: m.rows.length,
          total,
          missing: Math.max(0, threshold - total),
          course: courses.get(id) ?? null,
          requesters: m.rows.map((r) => ({
            id: r.userId,
            name: r.userName,
            viaTeam: r.teamId && r.teamName ? { id: r.teamId, name: r.teamName } : null,
            askedAt: new Date(r.createdAt),
          })),
        };
      });
      // Most asked first, then by label.
      methods.sort((a, b) => b.count - a.count || a.method.label.localeCompare(b.method.label, 'da'));
      return { institution: { id: inst.id, name: inst.name }, threshold, methods };
    },

    async settings(actor: Actor) {
      authorize(actor, 'training.request', INSTANCE);
      return { threshold: await getThreshold(db) };
    },

    /**
     * Sets the threshold, then looks at every method again: one whose waiting requests already reach the new
     * threshold gets its proposal now (each in its own locked transaction, with the same notifications).
     */
    async setThreshold(actor: Actor, threshold: number) {
      authorize(actor, 'training.configure', INSTANCE);
      await db.transaction(async (tx) => {
        const before = await getThreshold(tx);
        await setThreshold(tx, threshold);
        await audit(tx, actor, 'training.threshold', 'instance', null, { from: before, to: threshold });
      });
      let proposed = 0;
      for (const methodId of await repo.dueMethods(db, threshold)) {
        const made = await db.transaction(async (tx) => {
          const m = await repo.lockMethod(tx, methodId);
          return m ? proposeIfDue(tx, m, await getThreshold(tx)) : null;
        });
        if (made) proposed++;
      }
      return { threshold: await getThreshold(db), proposed };
    },

    /** Every method, and whether the actor (a resource person) can train in it. */
    async coverage(actor: Actor) {
      authorize(actor, 'training.cover', INSTANCE);
      return { methods: await repo.coverageOf(db, actor.id, COVERAGE_MAX) };
    },

    /** Replaces the methods the actor covers (each must be a method term). */
    async setCoverage(actor: Actor, methodIds: string[]) {
      authorize(actor, 'training.cover', INSTANCE);
      const ids = [...new Set(methodIds)];
      await db.transaction(async (tx) => {
        if ((await repo.countMethods(tx, ids)) !== ids.length)
          throw new AppError('training.method_not_found');
        await repo.replaceCoverage(tx, actor.id, ids);
      });
      return { methods: await repo.coverageOf(db, actor.id, COVERAGE_MAX) };
    },
  };
}
export type DemandService = ReturnType<typeof createDemandService>;
