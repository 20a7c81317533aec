import type { z } from 'zod';
import type * as c from '../../../../shared/contracts/sso.js';
import { OIDC_CALLBACK_PATH, type SsoMappedKind } from '../../../../shared/sso.js';
import { encryptSecret } from '../../../auth/crypto.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { checkIssuer } from './client.js';
import * as repo from './repo.js';

type Create = z.output<typeof c.IdentityProviderCreate>;
type Update = z.output<typeof c.IdentityProviderUpdate>;

/** A provider as the API answers it: never the secret, only whether one is set. */
function view(p: repo.ProviderRow, linkedPeople: number) {
  const { clientSecretEnc, createdAt: _created, ...rest } = p;
  return {
    ...rest,
    preset: rest.preset as Create['preset'],
    createRole: rest.createRole as Create['createRole'],
    roleMap: rest.roleMap as Record<string, SsoMappedKind>,
    clientSecretSet: clientSecretEnc !== null,
    linkedPeople,
  };
}

/** The fields audited on a change: names of what changed, never a value of the secret. */
const changed = (body: Update) => Object.keys(body).sort();

/** Administrators manage the identity providers people sign in with (issue 20 part 1). */
export function createIdentityProviderService(ctx: AppContext) {
  const may = (actor: Actor) => authorize(actor, 'identity.manage', { type: 'instance' });

  async function checkFields(next: {
    issuer: string;
    createUsers: boolean;
    createInstitutionId: string | null;
  }) {
    checkIssuer(next.issuer);
    if (next.createUsers && !next.createInstitutionId) throw new AppError('sso.institution_required');
    if (next.createInstitutionId && !(await repo.institutionExists(ctx.db, next.createInstitutionId)))
      throw new AppError('sso.institution_required');
  }

  const sealed = (secret: string | null | undefined) =>
    secret === undefined ? undefined : secret ? encryptSecret(ctx.secret, secret) : null;

  return {
    redirectUri: `${ctx.config.publicUrl}${OIDC_CALLBACK_PATH}`,
    postLogoutRedirectUri: `${ctx.config.publicUrl}/log-ind`,

    async list(actor: Actor) {
      may(actor);
      const rows = await repo.listProviders(ctx.db);
      return rows.map((r) => view(r.provider, r.linkedPeople));
    },

    async get(actor: Actor, id: string) {
      may(actor);
      const p = await repo.findProvider(ctx.db, id);
      if (!p) throw new AppError('sso.provider_not_found');
      return view(p, await repo.countLinks(ctx.db, id));
    },

    async create(actor: Actor, body: Create) {
      may(actor);
      await checkFields(body);
      const { clientSecret, ...fields } = body;
      return ctx.db.transaction(async (tx) => {
        const p = await repo.insertProvider(tx, { ...fields, clientSecretEnc: sealed(clientSecret) ?? null });
        await audit(tx, actor, 'sso.provider_created', 'identity_provider', p.id, {
          name: p.name,
          issuer: p.issuer,
          enabled: p.enabled,
        });
        return view(p, 0);
      });
    },

    async update(actor: Actor, id: string, body: Update) {
      may(actor);
      const before = await repo.findProvider(ctx.db, id);
      if (!before) throw new AppError('sso.provider_not_found');
      await checkFields({
        issuer: body.issuer ?? before.issuer,
        createUsers: body.createUsers ?? before.createUsers,
        createInstitutionId:
          body.createInstitutionId !== undefined ? body.createInstitutionId : before.createInstitutionId,
      });
      const { clientSecret, ...fields } = body;
      const secret = sealed(clientSecret);
      return ctx.db.transaction(async (tx) => {
        const p = await repo.updateProvider(tx, id, {
          ...fields,
          ...(secret !== undefined ? { clientSecretEnc: secret } : {}),
        });
        if (!p) throw new AppError('sso.provider_not_found');
        await audit(tx, actor, 'sso.provider_updated', 'identity_provider', id, {
          name: p.name,
          fields: changed(body),
        });
        return view(p, await repo.countLinks(tx, id));
      });
    },

    async remove(actor: Actor, id: string) {
      may(actor);
      await ctx.db.transaction(async (tx) => {
        const p = await repo.findProvider(tx, id);
        if (!p || !(await repo.deleteProvider(tx, id))) throw new AppError('sso.provider_not_found');
        await audit(tx, actor, 'sso.provider_deleted', 'identity_provider', id, { name: p.name });
      });
    },
  };
}

export type IdentityProviderService = ReturnType<typeof createIdentityProviderService>;
