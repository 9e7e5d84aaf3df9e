import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The same renderer, built as a plain web client (for liaisons who cannot install the app). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  resolve: { conditions: ['@contact-desk/source'] },
  plugins: [react()],
  // Exports are built in a module worker that shares chunks with the app.
  worker: { format: 'es' },
  build: { outDir: resolve(import.meta.dirname, 'dist-web'), emptyOutDir: true },
  server: { port: 4411, strictPort: false },
  preview: { port: 4411, strictPort: false },
});
