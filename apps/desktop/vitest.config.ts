import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@contact-desk/source'] },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/browser/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
