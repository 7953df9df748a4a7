const fs = require('node:fs');

// The browser tests drive Debian's Chromium. Without one, outside CI, they are left out and
// this says so; CI installs Chromium and runs them always (a missing one fails them there).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withoutBrowser = !fs.existsSync(chromium) && !process.env.CI;
if (withoutBrowser) {
  console.warn(
    `Browser tests left out: no Chromium at ${chromium}. ` +
      "Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to run them.",
  );
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(withoutBrowser ? ['<rootDir>/test/browser/'] : []),
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFilesAfterEnv: ['<rootDir>/test/setup/network.ts'],
  testTimeout: 20000,
};
