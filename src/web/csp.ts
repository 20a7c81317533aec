import { z } from 'zod';

/**
 * The app runs under a Content-Security-Policy without 'unsafe-eval' (src/server/http/security-headers.ts).
 * zod compiles fast object parsers with `new Function` when it may; `jitless` makes it use its plain parsers
 * from the start, instead of probing `new Function` once (a probe the browser reports as a CSP violation).
 * Imported first in main.tsx, before any module that builds a schema.
 */
z.config({ jitless: true });
