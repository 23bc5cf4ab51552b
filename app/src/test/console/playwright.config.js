// Run by ConsoleBrowserTest (app tests), which starts the main job on PostgreSQL and sets MOLDTANK_URL,
// MOLDTANK_TOKEN, CONTROL_URL and SCENARIO. Debian's Chromium, headless; Playwright gives every run a
// fresh temporary profile (its own --user-data-dir), so no state leaks between runs.
const { defineConfig } = require('@playwright/test');
const path = require('path');

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.js',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  outputDir: path.join(__dirname, '../../../target/console-artifacts/results'),
  reporter: [['list']],
  use: {
    baseURL: process.env.MOLDTANK_URL,
    headless: true,
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
