import { z } from 'zod';

/**
 * Who runs this Amongi (issue 20 part 6): the organisation responsible for the site and how to reach it, for the
 * accessibility statement (/tilgaengelighed) and the privacy page (/privatliv), set by the operator
 * (OPERATOR_NAME, OPERATOR_EMAIL, OPERATOR_PHONE; null when not set), and the operator's official statement in
 * Digitaliseringsstyrelsen's WAS-Tool when made (ACCESSIBILITY_STATEMENT_URL).
 */
export const About = z.object({
  operator: z
    .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  statementUrl: z.string().nullable(),
});
