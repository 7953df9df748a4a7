import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; never a browser downloaded by a tool (there is no network for it). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// The flags that work on this kind of machine as root (see the toolchain notes).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type BrowserSession = {
  page: Page;
  /** Every request the page tried to make to a host other than 127.0.0.1 (all aborted). */
  blockedRequests: string[];
  /** Uncaught page errors and console errors, which a working page never has. */
  pageErrors: string[];
  close: () => Promise<void>;
};

/** Launches headless Chromium with a new, empty profile; the page may reach only 127.0.0.1. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: the browser tests must run in CI, never be skipped. ` +
        `.ci/run installs Debian's chromium; check that it did.`,
    );
  }

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'groove-forms-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 760, height: 900 },
  });

  const blockedRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });

  const page = context.pages()[0] ?? (await context.newPage());
  // Fail a step with its own message well before jest's test timeout does.
  page.setDefaultTimeout(8_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  return {
    page,
    blockedRequests,
    pageErrors,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
