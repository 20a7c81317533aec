/** A bare Fastify server that answers the given paths with fixed bytes: the ceiling the real routes are compared to. */
import fs from 'node:fs';
import Fastify from 'fastify';

const [bodiesFile, port] = process.argv.slice(2);
const bodies: Record<string, string> = JSON.parse(fs.readFileSync(bodiesFile, 'utf8'));
const app = Fastify({ logger: false });
for (const [url, body] of Object.entries(bodies))
  app.get(url.split('?')[0], async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
