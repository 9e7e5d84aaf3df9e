import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  // The main process is bundled whole (zod, electron-updater and theirs), like the preload: the
  // packaged app carries out/ and no node_modules (electron-builder.config.ts).
  main: {
    resolve: { conditions: ['@contact-desk/source'] },
    build: { outDir: 'out/main', externalizeDeps: false },
  },
  // A sandboxed preload runs as a classic script that can require almost nothing: one CommonJS
  // file with its dependencies (zod) bundled in.
  preload: {
    resolve: { conditions: ['@contact-desk/source'] },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { conditions: ['@contact-desk/source'] },
    plugins: [react()],
    worker: { format: 'es' },
    build: { outDir: resolve(import.meta.dirname, 'out/renderer') },
  },
});
