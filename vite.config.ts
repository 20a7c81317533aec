import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type LogLevel } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './vite-precompress';

/** The build's log level (`--logLevel`), which the service worker's own build follows too. */
let logLevel: LogLevel | undefined = 'info';

export default defineConfig({
  root: 'src/web',
  plugins: [
    {
      name: 'amongi-log-level',
      configResolved(c) {
        logLevel = c.logLevel;
      },
    },
    react(),
    // The service worker that lets an observation visit work offline (src/web/offline/sw.ts): built to /sw.js,
    // precaching the app shell and assets; registered by src/web/offline/register.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'offline',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      devOptions: { enabled: false },
      // Without this the service worker's build prints its progress even under --logLevel warn.
      integration: {
        configureCustomSWViteBuild(c) {
          c.logLevel = logLevel;
        },
      },
    }),
    // Brotli and gzip twins of every built text file (after sw.js is written), served by src/server/http/static.ts.
    precompress(),
  ],
  build: {
    outDir: process.env.WEB_DIST_DIR ? path.resolve(process.env.WEB_DIST_DIR) : '../../dist/web',
    emptyOutDir: true,
    // No source maps in the build: they would publish the source to anyone (the server refuses *.map too).
    sourcemap: false,
    // The main chunk is ~600 kB (~190 kB gzip; the charts and the video player are chunks of their own).
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // zod's sources carry /* @__PURE__ */ comments Rollup cannot place; it drops them and says so, harmlessly.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
