import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';

const sourceConditions = { resolve: { conditions: ['@contact-desk/source'] } };

export default defineConfig({
  main: { plugins: [externalizeDepsPlugin()], build: { outDir: 'out/main' } },
  preload: { plugins: [externalizeDepsPlugin()], build: { outDir: 'out/preload' } },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    ...sourceConditions,
    plugins: [react()],
    build: { outDir: resolve(__dirname, 'out/renderer') },
  },
});
