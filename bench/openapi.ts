/**
 * OpenAPI coverage (issue 14): of the operations in the real server's `/api/openapi.json`, how many document a
 * success answer with a body (a 2xx response with a content schema), how many a success answer without one (204,
 * or a protocol answer that documents only headers), and how many document no success answer at all.
 * BENCH_SERVER_ROOT=<worktree> counts another checkout's server (lib.ts). Not a timing: the load does not matter.
 */
import { freePort, loadAvg, serverSource, startServer, writeResult } from './lib.js';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: object }> }> };

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options']);

export async function openapiBench() {
  const loadBefore = loadAvg();
  const server = await startServer(await freePort());
  let spec: { paths: Record<string, Record<string, Operation>> };
  try {
    const res = await fetch(`${server.base}/api/openapi.json`);
    if (!res.ok) throw new Error(`/api/openapi.json: ${res.status}`);
    spec = (await res.json()) as typeof spec;
  } finally {
    await server.stop();
  }
  const counts = { operations: 0, successWithBody: 0, successWithoutBody: 0, noSuccess: 0 };
  const undocumented: string[] = [];
  for (const [route, item] of Object.entries(spec.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      counts.operations++;
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$|^2XX$/i.test(code));
      const withBody = success.some(([, r]) =>
        Object.values(r.content ?? {}).some((m) => m.schema && Object.keys(m.schema).length > 0),
      );
      if (withBody) counts.successWithBody++;
      else if (success.length > 0) counts.successWithoutBody++;
      else {
        counts.noSuccess++;
        undocumented.push(`${method.toUpperCase()} ${route}`);
      }
    }
  const source = await serverSource();
  console.log(`${source.commit}: ${JSON.stringify(counts)}`);
  await writeResult('openapi', loadBefore, { counts, undocumented });
}
