import { defineConfig } from '@playwright/test';

// Browser-mode e2e: each test's fixture runs `provwb ui` on a freshly seeded workbench and drives
// Debian's Chromium (Playwright's own browsers cannot be downloaded here). One worker: the big
// million-entry log is built once per worker, and screenshots are compared by eye, not by pixels.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.PROVWB_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    screenshot: 'on',
    trace: 'retain-on-failure',
    video: 'off',
  },
});
