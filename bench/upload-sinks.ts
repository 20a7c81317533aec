/**
 * The ceilings an upload is compared to (argv: folder, port), in their own process like the real server:
 * PUT /raw pipes the request body straight into a file (Node HTTP + fs, nothing else); /tus is a bare
 * @tus/server with the same FileStore the app uses, without Fastify, sessions or the database.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';

const [dir, port] = process.argv.slice(2);
const tus = new TusServer({ path: '/tus', datastore: new FileStore({ directory: path.join(dir, 'tus') }) });
fs.mkdirSync(path.join(dir, 'tus'), { recursive: true });

http
  .createServer((req, res) => {
    if (req.method === 'PUT' && req.url === '/raw') {
      pipeline(req, fs.createWriteStream(path.join(dir, 'raw.bin'))).then(
        () => res.writeHead(204).end(),
        (e: Error) => res.writeHead(500).end(e.message),
      );
      return;
    }
    void tus.handle(req, res);
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
