import fs from 'node:fs';
import path from 'node:path';
import { validateCredential } from '../../src/credential/validate-credential';
import { PACKAGE_ROOT } from '../../src/paths';
import { describeInBrowser } from './harness/describe-in-browser';
import { fieldFor, openForm, submittedData, topOf } from './harness/form-page';
import { readManifestForm } from './harness/manifest-forms';
import { RENDERERS, type Renderer } from './page/payload';

const schema = readManifestForm('credential').schema as {
  properties: Record<string, { description: string }>;
};

/** The seed page's three fields, in its order, with what its text says about each. */
const SEED_FIELDS = [
  {
    key: 'credential_name',
    label: 'Credential Name',
    required: true,
    seedSays: [/name for this credential/],
  },
  {
    key: 'credential_description',
    label: 'Credential Description',
    required: false,
    seedSays: [/^Optional\./, /purpose/],
  },
  {
    key: 'api_key',
    label: 'API Key Value',
    required: true,
    seedSays: [/Settings > Developer > API/, /Bearer token in the Authorization header/],
  },
] as const;

const SAMPLE = {
  name: 'Groove support desk',
  description: 'Nightly export of tickets and messages.\nOwned by the data team.',
  key: 'b7c1e2d3f4a5968778695a4b3c2d1e0f',
};

/** Written only on request (`npm run screenshots`), so a test run never changes the repo. */
const UPDATE_SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] === '1';

describeInBrowser('The credential form in headless Chromium', (browser) => {
  describe.each(RENDERERS)('rendered by %s', (renderer: Renderer) => {
    beforeEach(async () => {
      await openForm(browser.page, browser.origin, 'credential', renderer);
    });

    it("shows the seed's three fields in the seed's order, each with its label and help", async () => {
      const tops: number[] = [];
      for (const seedField of SEED_FIELDS) {
        const field = await fieldFor(browser.page, seedField.label);
        const help = schema.properties[seedField.key]?.description ?? '';

        await expect(field.input.isVisible()).resolves.toBe(true);
        expect(await field.block.innerText()).toContain(help);
        for (const phrase of seedField.seedSays) expect(help).toMatch(phrase);
        tops.push(await topOf(field.input));
      }

      expect(tops).toEqual([...tops].sort((a, b) => a - b));
    });

    it('marks Credential Name and API Key Value as required, and the description as optional', async () => {
      for (const seedField of SEED_FIELDS) {
        const field = await fieldFor(browser.page, seedField.label);
        const labelText = (await field.label.innerText()).trim();

        expect(labelText.endsWith('*')).toBe(seedField.required);
      }
    });

    it('masks the API key and keeps saved passwords out of it', async () => {
      const key = await fieldFor(browser.page, 'API Key Value');

      await key.input.fill(SAMPLE.key);

      expect(await key.input.getAttribute('type')).toBe('password');
      expect(['new-password', 'off']).toContain(await key.input.getAttribute('autocomplete'));
      expect(await key.input.inputValue()).toBe(SAMPLE.key);
    });

    it('takes a multi-line description in a text area', async () => {
      const description = await fieldFor(browser.page, 'Credential Description');

      await description.input.fill(SAMPLE.description);

      expect(await description.input.and(browser.page.locator('textarea')).count()).toBe(1);
      expect(await description.input.inputValue()).toBe(SAMPLE.description);
    });

    it('submits a filled form that validateCredential accepts as the credential typed in', async () => {
      await (await fieldFor(browser.page, 'Credential Name')).input.fill(SAMPLE.name);
      await (await fieldFor(browser.page, 'Credential Description')).input.fill(SAMPLE.description);
      await (await fieldFor(browser.page, 'API Key Value')).input.fill(SAMPLE.key);

      await browser.page.getByRole('button', { name: 'Save' }).click();

      expect(validateCredential(await submittedData(browser.page))).toEqual({
        ok: true,
        credential: {
          credential_name: SAMPLE.name,
          credential_description: SAMPLE.description,
          api_key: SAMPLE.key,
          api_base_url: 'https://api.groovehq.com',
        },
      });
    });

    it('refuses to save with a blank key and says at the key that it is required', async () => {
      const name = await fieldFor(browser.page, 'Credential Name');
      const key = await fieldFor(browser.page, 'API Key Value');
      await name.input.fill(SAMPLE.name);
      expect(await key.block.innerText()).not.toMatch(/required/i);

      await browser.page.getByRole('button', { name: 'Save' }).click();

      await key.block.getByText(/required/i).waitFor();
      expect(await name.block.innerText()).not.toMatch(/required/i);
      expect(await browser.page.getByTestId('submitted').count()).toBe(0);
    });

    it('captures the filled form with its key masked, as the README shows it', async () => {
      const key = await fieldFor(browser.page, 'API Key Value');
      await (await fieldFor(browser.page, 'Credential Name')).input.fill(SAMPLE.name);
      await (await fieldFor(browser.page, 'Credential Description')).input.fill(SAMPLE.description);
      await key.input.fill(SAMPLE.key);
      await browser.page.locator('h1').click();

      const png = await browser.page.locator('main').screenshot();

      expect(await key.input.getAttribute('type')).toBe('password');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      if (UPDATE_SCREENSHOTS) {
        const file = path.join(PACKAGE_ROOT, 'docs', 'screenshots', `credential-${renderer}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, png);
      }
    });
  });
});
