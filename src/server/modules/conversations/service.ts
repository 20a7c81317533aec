import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Locale } from '../../../shared/constants.js';
import type * as c from '../../../shared/contracts/conversations.js';
import { CONVERSATION_LIMITS as L } from '../../../shared/conversations.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { AppError } from '../../http/errors.js';
import {
  type Action,
  type Actor,
  authorize,
  type ConversationResource,
  can,
  isLederOf,
} from '../../policy/index.js';
import { audit } from '../audit.js';
import { createCycleService } from '../inquiry/index.js';
import { parseFigureCsv } from './csv.js';
import { computeFigures, defaultThemeTitle } from './figures.js';
import * as repo from './repo.js';

type Detail = z.output<typeof c.ConversationDetail>;
type Summary = z.output<typeof c.ConversationSummary>;
type RecordOut = z.output<typeof c.ConversationRecord>;

export const conversationResource = (p: repo.PackageRow): ConversationResource => ({
  type: 'conversation',
  id: p.id,
  institutionId: p.institutionId,
  kommuneId: p.kommuneId,
  shared: p.state === 'shared',
});

const unitOf = (p: repo.PackageRow) => ({
  id: p.institutionId,
  name: p.institutionName,
  kommuneId: p.kommuneId,
  type: p.institutionType,
});

/** The package, after `action` is allowed; one the actor may not know of is conversation.not_found. */
async function load(db: DbOrTx, actor: Actor, id: string, action: Action, forUpdate = false) {
  const p = await repo.findPackage(db, id, forUpdate);
  if (!p) throw new AppError('conversation.not_found');
  authorize(actor, action, conversationResource(p));
  return p;
}

const EMPTY_RECORD: RecordOut = {
  version: 0,
  heldOn: null,
  participants: [],
  guests: '',
  followUp: '',
  reflections: '',
  focus: '',
  goals: '',
  efforts: '',
  nextStep: '',
  updatedAt: null,
  updatedBy: null,
};

function presentRecord(r: repo.RecordRow | undefined): RecordOut {
  if (!r) return EMPTY_RECORD;
  return {
    version: r.version,
    heldOn: r.heldOn,
    participants: r.participants,
    guests: r.guests,
    followUp: r.followUp,
    reflections: r.reflections,
    focus: r.focus,
    goals: r.goals,
    efforts: r.efforts,
    nextStep: r.nextStep,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy && r.updatedByName !== null ? { id: r.updatedBy, name: r.updatedByName } : null,
  };
}

/** A stale write's answer: the current values, one entry per field with the value as `message`. */
function stale(current: Record<string, string>) {
  return new AppError(
    'conversation.stale',
    Object.entries(current).map(([path, message]) => ({ path, message })),
  );
}

/** (date, created) of a package, to order a unit's packages in time. */
const when = (date: string, createdAt: Date) => `${date}|${createdAt.toISOString()}`;
const dateOf = (p: repo.PackageRow) =>
  p.plannedOn ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(p.createdAt);

/**
 * Learning conversations between levels (issue 17 part 4, P3): forvaltning prepares a data package for a unit
 * (themes in priority order, uploaded figures), shares it with the unit's leaders (its figures frozen), and both
 * write the conversation's record; the unit's earlier packages are its only comparison.
 */
export function createConversationService(ctx: AppContext) {
  const { db } = ctx;
  const cycles = createCycleService(ctx);

  /** The unit's shared packages before this one, newest first. */
  async function earlier(p: repo.PackageRow) {
    const mine = when(dateOf(p), p.createdAt);
    return (await repo.sharedOfUnit(db, p.institutionId, p.id)).filter(
      (e) => when(e.date, e.createdAt) < mine,
    );
  }

  async function detail(actor: Actor, p: repo.PackageRow, locale: Locale): Promise<Detail> {
    const resource = conversationResource(p);
    const [record, before, candidates] = await Promise.all([
      repo.findRecord(db, p.id),
      earlier(p),
      repo.candidates(db, p.institutionId, p.kommuneId),
    ]);
    const previous = before.find((e) => e.focus || e.goals || e.nextStep) ?? null;
    return {
      id: p.id,
      title: p.title,
      plannedOn: p.plannedOn,
      state: p.state,
      sharedAt: p.sharedAt,
      version: p.version,
      institution: unitOf(p),
      themes: p.themes,
      figures: p.snapshot ?? (await computeFigures(ctx, actor, p.institutionId, p.themes, locale)),
      record: presentRecord(record),
      previous: previous && {
        id: previous.id,
        title: previous.title,
        heldOn: previous.heldOn,
        focus: previous.focus ?? '',
        goals: previous.goals ?? '',
        nextStep: previous.nextStep ?? '',
      },
      candidates: candidates.sort((a, b) => a.name.localeCompare(b.name, 'da')),
      can: {
        prepare: can(actor, 'conversation.prepare', resource),
        record: can(actor, 'conversation.record', resource),
        observationFocus: p.state === 'shared' && isLederOf(actor, p.institutionId),
      },
    };
  }

  const reload = async (actor: Actor, id: string, locale: Locale) =>
    detail(actor, await load(db, actor, id, 'conversation.read'), locale);

  return {
    async list(actor: Actor, institutionId: string | undefined) {
      const [found, units] = await Promise.all([
        repo.listPackages(db, actor, institutionId),
        repo.preparableUnits(db, actor),
      ]);
      const items: Summary[] = found.map((r) => ({
        id: r.pkg.id,
        title: r.pkg.title,
        plannedOn: r.pkg.plannedOn,
        state: r.pkg.state,
        sharedAt: r.pkg.sharedAt,
        institution: {
          id: r.pkg.institutionId,
          name: r.institutionName,
          kommuneId: r.kommuneId,
          type: r.institutionType,
        },
        themeCount: r.pkg.themes.length,
        focus: r.focus ?? '',
      }));
      return { items, units };
    },

    get: (actor: Actor, id: string, locale: Locale) => reload(actor, id, locale),

    /** Forvaltning of the unit's kommune starts a draft package (observation data first, as a start). */
    async create(actor: Actor, input: z.output<typeof c.ConversationCreate>, locale: Locale) {
      const inst = await repo.findInstitution(db, input.institutionId);
      if (!inst) throw new AppError('institution.not_found');
      authorize(actor, 'conversation.create', {
        type: 'institution',
        id: inst.id,
        kommuneId: inst.kommuneId,
      });
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await repo.insertPackage(tx, {
          id,
          institutionId: inst.id,
          title: input.title,
          plannedOn: input.plannedOn,
          themes: [],
          createdBy: actor.id,
        });
        await audit(tx, actor, 'conversation.create', 'conversation', id, { institutionId: inst.id });
      });
      return reload(actor, id, locale);
    },

    /** Title, date and the ordered themes of a draft (a shared package's figures are frozen: 409). */
    async update(actor: Actor, id: string, patch: z.output<typeof c.ConversationUpdate>, locale: Locale) {
      await db.transaction(async (tx) => {
        const p = await load(tx, actor, id, 'conversation.prepare', true);
        if (p.version !== patch.version)
          throw stale({
            version: String(p.version),
            title: p.title,
            plannedOn: p.plannedOn ?? '',
            themes: p.themes.map((t) => t.title || defaultThemeTitle(t.kind, locale)).join(', '),
          });
        if (p.state === 'shared' && patch.themes !== undefined) throw new AppError('conversation.shared');
        // An uploaded table's figures come only through /figures: a theme keeps the figures it had.
        const had = new Map(p.themes.map((t) => [t.key, t]));
        const themes = patch.themes?.map((t) =>
          t.kind === 'csv'
            ? { ...t, figures: had.get(t.key)?.kind === 'csv' ? (had.get(t.key)?.figures ?? []) : [] }
            : { ...t, figures: [], unit: '' },
        );
        await repo.updatePackage(tx, id, {
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.plannedOn !== undefined && { plannedOn: patch.plannedOn }),
          ...(themes !== undefined && { themes }),
        });
        await audit(tx, actor, 'conversation.update', 'conversation', id, {
          themes: themes?.map((t) => t.kind),
        });
      });
      return reload(actor, id, locale);
    },

    /** A draft may be deleted by forvaltning; a shared one is part of the unit's history. */
    async remove(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        const p = await load(tx, actor, id, 'conversation.prepare', true);
        if (p.state === 'shared') throw new AppError('conversation.shared');
        await repo.deletePackage(tx, id);
        await audit(tx, actor, 'conversation.delete', 'conversation', id, { institutionId: p.institutionId });
      });
    },

    /**
     * Reads an uploaded figure table (preview by default). With dryRun=false and no row errors it is added as a
     * theme last in the order; with any row error nothing is saved (422 conversation.figures_invalid).
     */
    async figures(
      actor: Actor,
      id: string,
      file: Buffer,
      q: z.output<typeof c.FiguresQuery>,
      locale: Locale,
    ): Promise<z.output<typeof c.FiguresPreview>> {
      const p = await load(db, actor, id, 'conversation.prepare');
      if (p.state === 'shared') throw new AppError('conversation.shared');
      const parsed = parseFigureCsv(file, locale);
      const preview = { ...parsed, saved: false };
      if (q.dryRun) return preview;
      if (parsed.errors.length)
        throw new AppError(
          'conversation.figures_invalid',
          parsed.errors.map((e) => ({ path: `line ${e.line}`, message: e.message })),
        );
      await db.transaction(async (tx) => {
        const locked = await load(tx, actor, id, 'conversation.prepare', true);
        if (locked.state === 'shared') throw new AppError('conversation.shared');
        if (q.version !== locked.version)
          throw stale({
            version: String(locked.version),
            title: locked.title,
            plannedOn: locked.plannedOn ?? '',
          });
        if (locked.themes.length >= L.themes) throw new AppError('request.invalid');
        const theme = {
          key: randomUUID().replaceAll('-', '').slice(0, 16),
          kind: 'csv' as const,
          title: q.title,
          note: '',
          unit: q.unit,
          figures: parsed.figures,
        };
        await repo.updatePackage(tx, id, { themes: [...locked.themes, theme] });
        await audit(tx, actor, 'conversation.figures', 'conversation', id, { rows: parsed.figures.length });
      });
      return { ...preview, saved: true };
    },

    /** Shares a draft with the unit's leaders: its figures are computed once more and frozen. */
    async share(actor: Actor, id: string, version: number, locale: Locale) {
      const p = await load(db, actor, id, 'conversation.prepare');
      if (p.state === 'shared') throw new AppError('conversation.shared');
      if (!p.themes.length) throw new AppError('conversation.no_themes');
      const snapshot = await computeFigures(ctx, actor, p.institutionId, p.themes, locale);
      await db.transaction(async (tx) => {
        const locked = await load(tx, actor, id, 'conversation.prepare', true);
        if (locked.state === 'shared') throw new AppError('conversation.shared');
        if (locked.version !== version || JSON.stringify(locked.themes) !== JSON.stringify(p.themes))
          throw stale({
            version: String(locked.version),
            title: locked.title,
            plannedOn: locked.plannedOn ?? '',
          });
        await repo.updatePackage(tx, id, { state: 'shared', snapshot, sharedAt: new Date() });
        await audit(tx, actor, 'conversation.share', 'conversation', id, { institutionId: p.institutionId });
      });
      return reload(actor, id, locale);
    },

    /** Writes the record (forvaltning, and the unit's leders once shared); `version` 0 when there is none yet. */
    async record(actor: Actor, id: string, input: z.output<typeof c.RecordUpdate>, locale: Locale) {
      await db.transaction(async (tx) => {
        await load(tx, actor, id, 'conversation.record', true);
        const current = await repo.findRecord(tx, id, true);
        const version = current?.version ?? 0;
        if (input.version !== version) {
          const r = presentRecord(current);
          throw stale({
            version: String(r.version),
            heldOn: r.heldOn ?? '',
            participants: r.participants.map((x) => x.name).join(', '),
            guests: r.guests,
            followUp: r.followUp,
            reflections: r.reflections,
            focus: r.focus,
            goals: r.goals,
            efforts: r.efforts,
            nextStep: r.nextStep,
            updatedBy: r.updatedBy?.name ?? '',
          });
        }
        const { version: _v, ...fields } = input;
        await repo.upsertRecord(
          tx,
          id,
          { ...fields, updatedBy: actor.id, updatedAt: new Date() },
          version + 1,
        );
        await audit(tx, actor, 'conversation.record', 'conversation', id, { version: version + 1 });
      });
      return reload(actor, id, locale);
    },

    /** The unit's own shared packages up to this one, and each of this package's figures in them. */
    async compare(actor: Actor, id: string, locale: Locale): Promise<z.output<typeof c.ConversationCompare>> {
      const p = await load(db, actor, id, 'conversation.read');
      const before = (await earlier(p)).slice(0, L.history - 1).reverse();
      const mine = p.snapshot ?? (await computeFigures(ctx, actor, p.institutionId, p.themes, locale));
      const packages = [
        ...before.map((e) => ({ id: e.id, title: e.title, date: e.date, figures: e.snapshot ?? [] })),
        { id: p.id, title: p.title, date: dateOf(p), figures: mine },
      ];
      const values = packages.map(
        (x) => new Map(x.figures.flatMap((t) => t.figures.map((f) => [f.key, f.value] as const))),
      );
      return {
        packages: packages.map(({ id, title, date }) => ({ id, title, date })),
        series: mine.flatMap((t) =>
          t.figures.map((f) => ({
            themeKey: t.key,
            key: f.key,
            label: f.label,
            group: f.group,
            unit: f.unit,
            unitLabel: f.unitLabel,
            values: values.map((v) => v.get(f.key) ?? null),
          })),
        ),
      };
    },

    /**
     * "Brug som undersøgelsesspørgsmål i et team": a new inquiry cycle in one of my teams at the unit, with the
     * agreed focus as its question (through the inquiry module's front door, which allows only the team's members).
     */
    async handDown(actor: Actor, id: string, input: z.output<typeof c.HandDownCycle>) {
      const p = await load(db, actor, id, 'conversation.read');
      const record = await repo.findRecord(db, id);
      if (!record?.focus.trim()) throw new AppError('conversation.no_focus');
      if ((await repo.teamInstitution(db, input.teamId)) !== p.institutionId)
        throw new AppError('conversation.team_elsewhere');
      const cycle = await cycles.create(actor, input.teamId, {
        templateId: input.templateId,
        title: `Fokus fra læringssamtalen: ${p.title}`.slice(0, 200),
        question: record.focus.slice(0, 2000),
      });
      await audit(db, actor, 'conversation.hand_down', 'conversation', id, {
        cycleId: cycle.id,
        teamId: input.teamId,
      });
      return { cycleId: cycle.id };
    },
  };
}
