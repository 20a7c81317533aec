import { z } from 'zod';
import {
  focusArea,
  GUIDE_MAX,
  indicator,
  pupilItem,
  schemaDefinition,
  schemaDefinitionInput,
} from '../observation.js';
import { WORD_KINDS } from '../vocabulary.js';
import { id, personRef, timestamp } from './common.js';

/** Observation setup (O1, O6): requests and answers of /api/v1/observation/{me,starter,schemas,institutions/…}. */

// Requests
/** A new version of the institution's schema (items keep their key while unchanged). */
export const SchemaDefinitionInput = schemaDefinitionInput;
export const GuideUpdate = z.strictObject({ body: z.string().trim().max(GUIDE_MAX), publish: z.boolean() });
/** Which starter: the school's (default), a dagtilbud's or a klub's. */
export const StarterQuery = z.strictObject({ kind: z.enum(WORD_KINDS).optional() });
export const ObserverParams = z.strictObject({ id, userId: id });
/** The range (3–50) is checked by the service, with its own error codes. */
export const SettingsUpdate = z.strictObject({ minGroupSize: z.number().int() });

// Answers
export const SchemaDefinition = schemaDefinition;
export const SchemaVersion = z.object({
  id,
  institutionId: id,
  version: z.number().int(),
  definition: SchemaDefinition,
  createdAt: timestamp,
  createdBy: personRef.nullable(),
});
export const SchemaOverview = z.object({
  current: SchemaVersion.nullable(),
  /** Newest first, without their definitions. */
  versions: z.array(
    z.object({ id, version: z.number().int(), createdAt: timestamp, createdBy: personRef.nullable() }),
  ),
});
/** A Danish starter a leader may adopt and edit: a definition whose items have no keys yet, and a guide. */
export const ObservationStarter = z.object({
  schema: z.object({
    focusAreas: z.array(
      focusArea.extend({
        key: id.optional(),
        indicators: z.array(indicator.partial({ key: true })),
        pupilItems: z.array(pupilItem.partial({ key: true })),
      }),
    ),
    pupilCount: z.number().int(),
  }),
  guide: z.string(),
});
/** Staff see only a published guide (body '' until then). */
export const VisitGuide = z.object({
  institutionId: id,
  body: z.string(),
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp.nullable(),
  updatedBy: personRef.nullable(),
  /** The signed-in person has confirmed reading the published guide. */
  read: z.boolean(),
});
/** Learning guides delegated visits (leaders observe anyway), by name. */
export const ObserversList = z.object({ observers: z.array(personRef.extend({ since: timestamp })) });
export const ObservationSettings = z.object({ minGroupSize: z.number().int() });
/** Where the signed-in person takes part in observation, and what they may do there. */
export const ObservationMe = z.object({
  institutions: z.array(
    z.object({
      id,
      name: z.string(),
      kommuneId: id,
      can: z.object({ configure: z.boolean(), observe: z.boolean(), data: z.boolean(), self: z.boolean() }),
      schema: z.object({ id, version: z.number().int() }).nullable(),
      /** The published visit guide; `read`: the person has confirmed reading it. */
      guide: z.object({ published: z.boolean(), read: z.boolean() }),
    }),
  ),
  /** Kommuner whose data across institutions the person may see (forvaltning). */
  kommuner: z.array(z.object({ id, name: z.string() })),
});
