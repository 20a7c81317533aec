import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/index.js';
import { rows } from '../db/rows.js';
import { DEMO_DOMAIN } from './constants.js';

/** How many of the demo catalogue's videos are ready (or failed) out of all of them: the seed's own videos. */
export async function demoMediaProgress(db: DbOrTx) {
  const [r] = await rows<{ total: number; ready: number; failed: number }>(
    db,
    sql`select count(*)::int as total,
          (count(*) filter (where v.status = 'ready'))::int as ready,
          (count(*) filter (where v.status = 'failed'))::int as failed
        from videos v join users u on u.id = v.owner_id
        where v.original_filename like 'demo-%.mp4' and u.email like ${`%@${DEMO_DOMAIN}`}`,
  );
  const { total = 0, ready = 0, failed = 0 } = r ?? {};
  return { total, ready, failed, done: ready + failed >= total };
}

/** The line the server log and the administrators' banner say, e.g. "23 af 63 demovideoer klar". */
export const progressLine = (p: { ready: number; total: number; failed: number }) =>
  p.ready + p.failed >= p.total
    ? p.failed
      ? `Demovideoerne er færdige: ${p.ready} af ${p.total} klar, ${p.failed} kunne ikke laves`
      : `Alle ${p.total} demovideoer er klar`
    : `${p.ready} af ${p.total} demovideoer klar`;

const LOOPBACK = /^(127\.|::ffff:127\.|::1$)/;
/** Headers a reverse proxy adds: a request that carries one came from somewhere else, whatever its socket says. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/**
 * Whether a request came from this machine: decided by the TCP socket (both ends on a loopback address), never
 * by the Host header, which the client writes. A proxy on this machine makes the socket loopback for everyone,
 * so a forwarding header denies too (a header can only take the answer away, never give it).
 */
export function fromThisMachine(req: FastifyRequest) {
  const s = req.raw.socket;
  return (
    LOOPBACK.test(s.localAddress ?? '') &&
    LOOPBACK.test(s.remoteAddress ?? '') &&
    !FORWARDED.some((h) => req.headers[h] !== undefined)
  );
}
