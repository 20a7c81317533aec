import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './vite-precompress';

export default defineConfig({
  root: 'src/web',
  plugins: [
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
    }),
    // Brotli and gzip twins of every built text file (after sw.js is written), served by src/server/http/static.ts.
    precompress(),
  ],
  build: {
    outDir: process.env.WEB_DIST_DIR ? path.resolve(process.env.WEB_DIST_DIR) : '../../dist/web',
    emptyOutDir: true,
    // No source maps in the build: they would publish the source to anyone (the server refuses *.map too).
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
