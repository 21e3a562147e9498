// The playground imports the transformer and the runtime from the workspace sources, so a change to
// either shows up on reload; everything is bundled, so the page works offline.
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  base: './',
  resolve: {
    alias: {
      '@yieldfrom/transformer': path.join(root, '../transformer/src/index.ts'),
      '@yieldfrom/runtime': path.join(root, '../runtime/src/index.ts'),
    },
  },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 12000, reportCompressedSize: false },
});
