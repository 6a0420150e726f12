import { defineConfig } from '@playwright/test';

// Browser e2e against the browser host in Debian's Chromium (see e2e/support/host.ts for the launch flags).
export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
});
