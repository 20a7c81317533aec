import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import {
  EDGE_CODES,
  type EdgeCode,
  isSafeDate,
  isSafeNumber,
  isSafeText,
  toSafeText,
} from '../../shared/text.js';
import { AppError } from './errors.js';

/**
 * The safety net under every route's schema: no string with a NUL or a lone surrogate, no number PostgreSQL
 * cannot store in a `real` (not finite, or nonzero and below 1.18e-38 / above 3.4e38) and no Date outside
 * the years 0001–9999 reaches a service. It checks the raw params, query and body of EVERY request (routes
 * without a schema too: tus, CSV, WebVTT) before validation, and the values the schemas produce (coerced
 * numbers, transformed dates) after. A new route inherits both; dates written as strings are checked by
 * the shared `dateOnly()` / `dateTime()` schemas (src/shared/text.ts).
 */

export type Hostile = { code: EdgeCode; path: string };

/** The first value (depth-first, iteratively: deep JSON cannot overflow the stack) PostgreSQL would refuse. */
export function findHostile(root: unknown, base: string): Hostile | null {
  const stack: [unknown, string][] = [[root, base]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, path] = item;
    if (typeof v === 'string') {
      if (!isSafeText(v)) return { code: EDGE_CODES.text, path };
    } else if (typeof v === 'number') {
      if (!isSafeNumber(v)) return { code: EDGE_CODES.number, path };
    } else if (v instanceof Date) {
      if (!isSafeDate(v)) return { code: EDGE_CODES.date, path };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`]);
    } else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
      const entries = Object.entries(v);
      for (const [key] of entries)
        if (!isSafeText(key)) return { code: EDGE_CODES.text, path: `${path}.${toSafeText(key)}` };
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], `${path}.${entries[i][0]}`]);
    }
  }
  return null;
}

const refusal = (bad: Hostile) => new AppError(bad.code, [{ path: bad.path, message: bad.code }]);

/** The zod validator compiler, plus the check of what the schema produced (coerced numbers, Dates). */
export const edgeValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = validatorCompiler(route);
  const part = route.httpPart ?? 'body';
  return (data) => {
    const result = validate(data);
    const bad = result && typeof result === 'object' && 'value' in result && findHostile(result.value, part);
    return bad ? { error: refusal(bad) } : result;
  };
};

/** Installs the compiler and the raw-input check for every route registered after this call. */
export function installEdgeValidation(app: FastifyInstance) {
  app.setValidatorCompiler(edgeValidatorCompiler);
  app.addHook('preValidation', async (req) => {
    const parts: [string, unknown][] = [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ];
    for (const [part, value] of parts) {
      const bad = findHostile(value, part);
      if (bad) throw refusal(bad);
    }
  });
}
