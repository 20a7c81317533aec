import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Text files worth compressing (source maps are left alone: only developers fetch them). */
const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|ico)$/;

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) twin next to every built text file of at least
 * `minBytes`, once the build is done (after vite-plugin-pwa wrote sw.js: keep this plugin after it). The server
 * (src/server/http/static.ts) sends the twin the browser asks for, so nothing is compressed per request.
 */
export function precompress(minBytes = 1024): Plugin {
  let outDir = '';
  return {
    name: 'amongi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const files = (fs.readdirSync(outDir, { recursive: true }) as string[])
          .map((f) => path.join(outDir, f))
          .filter((f) => TEXT.test(f) && fs.statSync(f).size >= minBytes);
        await Promise.all(
          files.map(async (f) => {
            const bytes = await fs.promises.readFile(f);
            const params = {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            };
            await fs.promises.writeFile(`${f}.br`, await brotli(bytes, { params }));
            await fs.promises.writeFile(`${f}.gz`, await gzip(bytes, { level: 9 }));
          }),
        );
      },
    },
  };
}
