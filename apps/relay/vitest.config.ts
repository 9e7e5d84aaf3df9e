import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@contact-desk/source'] },
  ssr: { resolve: { conditions: ['@contact-desk/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
