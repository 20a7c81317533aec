/**
 * The ceilings segment serving is compared to (argv: folder, port), over the same files: `/hls/…` is a bare
 * @fastify/static route; `/raw/…` a bare Fastify route that streams the file from a FileHandle, as the app's
 * storage does, without the signature, access and storage checks.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const [root, port] = process.argv.slice(2);
const app = Fastify({ logger: false });
await app.register(fastifyStatic, { root, prefix: '/hls/' });
app.get<{ Params: { '*': string } }>('/raw/*', async (req, reply) => {
  const handle = await fs.open(path.join(root, path.normalize(req.params['*']).replace(/^(\.\.\/)+/, '')));
  const { size } = await handle.stat();
  reply.header('content-type', 'video/mp2t').header('content-length', String(size));
  return reply.send(handle.createReadStream({ start: 0, end: size - 1, autoClose: true }));
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
