import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './browser';
import { bundleTestPage } from './bundle';
import { startPageServer, type PageServer } from './page-server';

/** What a browser test reaches: the page, and the origin the test page is served from. */
export interface BrowserFixture {
  readonly page: Page;
  readonly origin: string;
}

/**
 * A `describe` for tests in headless Chromium: one bundle, one page server and one browser per
 * file, and after each test the check that the page made no error and reached no other host.
 * Where no Chromium is installed, jest.config.js leaves these files out and says why.
 */
export function describeInBrowser(title: string, tests: (browser: BrowserFixture) => void): void {
  describe(title, () => {
    let server: PageServer | undefined;
    let session: BrowserSession | undefined;

    beforeAll(async () => {
      server = await startPageServer(await bundleTestPage());
      session = await openBrowser();
    }, 60_000);

    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    afterEach(() => {
      expect(session?.pageErrors.splice(0)).toEqual([]);
      expect(session?.blockedRequests.splice(0)).toEqual([]);
    });

    tests({
      get page() {
        if (session === undefined) throw new Error('the browser did not start');
        return session.page;
      },
      get origin() {
        if (server === undefined) throw new Error('the page server did not start');
        return server.origin;
      },
    });
  });
}
