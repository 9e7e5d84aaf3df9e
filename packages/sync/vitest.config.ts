import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@contact-desk/source'] },
  test: { include: ['test/**/*.test.ts'] },
});
