import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@contact-desk/source'] },
  test: {
    include: [
      'docs/**/*.test.ts',
      'tooling/**/*.test.ts',
      'sync/**/*.test.ts',
      'reliability/**/*.test.ts',
      'isolation/**/*.test.ts',
      'e2e/**/*.test.ts',
      'deploy/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
