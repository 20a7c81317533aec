import type { z } from 'zod';
import { schemaDefinitionInput } from '../../../../shared/observation.js';
import type { WordKind } from '../../../../shared/vocabulary.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can } from '../../../policy/index.js';
import { audit } from '../../audit.js';
import { loadObservationScope } from '../resource.js';
import type { ObservationStarter, SchemaOverview, SchemaVersion } from '../types.js';
import * as repo from './schemas-repo.js';
import { starterFor } from './starter.js';
import { assignKeys } from './versioning.js';

/** The version list of GET /observation/institutions/:id/schema holds at most this many (newest first). */
export const SCHEMA_VERSIONS_MAX = 100;

/** A stored version as the API answers it. */
export function toSchemaVersion(row: repo.SchemaVersionRow, authorName: string | null): SchemaVersion {
  return {
    id: row.id,
    institutionId: row.institutionId,
    version: row.version,
    definition: row.definition,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy && authorName !== null ? { id: row.createdBy, name: authorName } : null,
  };
}

/** O1: the learning focus areas and observation schema of an institution, saved as versions. */
export function createSchemaService(ctx: AppContext) {
  const { db } = ctx;

  async function withAuthor(id: string): Promise<SchemaVersion | null> {
    const row = await repo.schemaVersionWithAuthor(db, id);
    return row ? toSchemaVersion(row.schema, row.authorName) : null;
  }

  return {
    /** The starter for a kind of institution (the school's when none is named). */
    starter(kind: WordKind = 'skole'): ObservationStarter {
      const { schema, guide } = starterFor(kind);
      return { schema: schemaDefinitionInput.parse(schema), guide };
    },

    async overview(actor: Actor, institutionId: string): Promise<SchemaOverview> {
      authorize(actor, 'observation.guide', await loadObservationScope(db, actor, institutionId));
      const versions = await repo.listSchemaVersions(db, institutionId, SCHEMA_VERSIONS_MAX);
      return {
        current: versions[0] ? await withAuthor(versions[0].id) : null,
        versions: versions.map((v) => ({
          id: v.id,
          version: v.version,
          createdAt: v.createdAt.toISOString(),
          createdBy:
            v.createdById && v.createdByName !== null ? { id: v.createdById, name: v.createdByName } : null,
        })),
      };
    },

    /** One version; one of an institution the actor may not see answers schema_not_found like an unknown id. */
    async get(actor: Actor, schemaId: string): Promise<SchemaVersion> {
      const found = await repo.schemaVersionWithAuthor(db, schemaId);
      if (!found) throw new AppError('observation.schema_not_found');
      const scope = await loadObservationScope(db, actor, found.schema.institutionId);
      if (!can(actor, 'observation.guide', scope)) throw new AppError('observation.schema_not_found');
      return toSchemaVersion(found.schema, found.authorName);
    },

    /**
     * Saves the next version. Keys carry over from the newest version while an item is unchanged (versioning.ts).
     * The institution is locked first, so two leaders saving at once get consecutive versions, each keyed against
     * the one before it.
     */
    async save(
      actor: Actor,
      institutionId: string,
      input: z.output<typeof schemaDefinitionInput>,
    ): Promise<SchemaVersion> {
      authorize(actor, 'observation.configure', await loadObservationScope(db, actor, institutionId));
      const id = await db.transaction(async (tx) => {
        await repo.lockInstitutionSchemas(tx, institutionId);
        const previous = await repo.latestSchemaVersion(tx, institutionId);
        const definition = assignKeys(input, previous?.definition ?? null);
        const row = await repo.insertSchemaVersion(tx, institutionId, definition, actor.id);
        await audit(tx, actor, 'observation.schema.save', 'institution', institutionId, {
          schemaId: row.id,
          version: row.version,
          focusAreas: definition.focusAreas.length,
        });
        return row.id;
      });
      return (await withAuthor(id)) as SchemaVersion;
    },
  };
}
