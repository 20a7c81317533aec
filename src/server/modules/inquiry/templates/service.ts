import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/inquiry.js';
import { wordKind } from '../../../../shared/vocabulary.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadTeam } from '../resource.js';
import * as repo from './repo.js';

type Template = z.output<typeof c.InquiryTemplate>;

const templateView = (t: repo.TemplateRow): Template => ({
  id: t.id,
  key: t.key,
  kommuneId: t.kommuneId,
  name: t.name,
  description: t.description,
  kinds: t.kinds as Template['kinds'],
  phases: t.phases,
});

/**
 * Cycle templates (T2): the built-in ones (data in builtin.ts) and a kommune's own, written by its forvaltning or
 * an administrator. For a team: those offered to its institution's kind, from its own kommune; archived ones are
 * never offered (cycles started from them keep their phases).
 */
export function createTemplateService(ctx: AppContext) {
  const { db } = ctx;

  /** The kommune template, after 'inquiry.templates' on its kommune; a built-in or unknown one is not found. */
  async function ownTemplate(actor: Actor, id: string) {
    const t = await repo.findTemplate(db, id);
    if (!t?.kommuneId || !can(actor, 'kommune.read', { type: 'kommune', id: t.kommuneId }))
      throw new AppError('inquiry.template_not_found');
    authorize(actor, 'inquiry.templates', { type: 'kommune', id: t.kommuneId });
    return t;
  }

  return {
    async list(actor: Actor, teamId: string | undefined): Promise<{ items: Template[] }> {
      if (teamId) {
        const team = await loadTeam(db, actor, teamId, 'team.space');
        const rows = await repo.listTemplates(db, {
          kommuneIds: [team.kommuneId],
          kind: wordKind(team.institutionType),
        });
        return { items: rows.map(templateView) };
      }
      // Without a team: the built-ins and the own templates of the kommuner the person works in (every one for
      // administrators), for writing and archiving them.
      const admin = actor.grants.some((g) => g.role === 'administrator');
      const kommuneIds = [...new Set(actor.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))];
      const rows = await repo.listTemplates(db, { kommuneIds: admin ? 'all' : kommuneIds });
      return { items: rows.map(templateView) };
    },

    async create(actor: Actor, input: z.output<typeof c.TemplateCreate>): Promise<Template> {
      authorize(actor, 'inquiry.templates', { type: 'kommune', id: input.kommuneId });
      if (!(await repo.kommuneExists(db, input.kommuneId))) throw new AppError('kommune.not_found');
      return db.transaction(async (tx) => {
        const row = await repo.insertTemplate(tx, {
          kommuneId: input.kommuneId,
          name: input.name,
          description: input.description,
          kinds: [...new Set(input.kinds)],
          phases: input.phases,
          createdBy: actor.id,
        });
        await audit(tx, actor, 'inquiry.template.create', 'inquiry_template', row.id, {
          kommuneId: input.kommuneId,
        });
        return templateView(row);
      });
    },

    /** Archives a kommune template: no longer offered for new cycles; running cycles keep their phases. */
    async archive(actor: Actor, id: string): Promise<void> {
      const t = await ownTemplate(actor, id);
      await db.transaction(async (tx) => {
        await repo.archiveTemplate(tx, t.id);
        await audit(tx, actor, 'inquiry.template.archive', 'inquiry_template', t.id, {
          kommuneId: t.kommuneId,
        });
      });
    },
  };
}
