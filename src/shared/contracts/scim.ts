import { z } from 'zod';

/** SCIM 2.0 wire shapes (RFC 7643/7644) as this server answers them (issue 20 part 2). */

const meta = z.object({ resourceType: z.string(), location: z.string() });
export const ScimUser = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  externalId: z.string().optional(),
  userName: z.string(),
  displayName: z.string(),
  name: z.object({ formatted: z.string() }),
  emails: z.array(z.object({ value: z.string(), type: z.string(), primary: z.boolean() })),
  active: z.boolean(),
  meta,
});
export const ScimGroup = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  displayName: z.string(),
  members: z.array(z.object({ value: z.string(), display: z.string(), type: z.string() })),
  meta,
});
export const scimList = <T extends z.ZodType>(item: T) =>
  z.object({
    schemas: z.array(z.string()),
    totalResults: z.number().int(),
    startIndex: z.number().int(),
    itemsPerPage: z.number().int(),
    Resources: z.array(item),
  });
/** Discovery documents are static and described by the RFC; passed through as they are. */
export const ScimDocument = z.looseObject({ schemas: z.array(z.string()) });
export const ScimError = z.object({
  schemas: z.array(z.string()),
  status: z.string(),
  scimType: z.string().optional(),
  detail: z.string(),
});
export const ScimListQuery = z.object({
  filter: z.string().max(1000).optional(),
  startIndex: z.string().max(12).optional(),
  count: z.string().max(12).optional(),
});
export const ScimIdParams = z.object({ id: z.string().max(200) });
export const ScimBody = z.unknown().describe('A SCIM resource or PatchOp (application/scim+json).');
