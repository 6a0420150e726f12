import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'tests/**/*.test.ts'],
    // Generous: some tests start real processes or Chromium, and a busy machine must not fail them.
    testTimeout: 120_000,
    pool: 'forks',
  },
});
