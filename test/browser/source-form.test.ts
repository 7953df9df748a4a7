import type { Locator, Page } from 'playwright-core';
import { validatorFor } from '../../src/validation/ajv';
import { describeInBrowser } from './harness/describe-in-browser';
import { captionFor, fieldFor, labelFor, openForm, submittedData } from './harness/form-page';
import { readManifestForm, registrySchemaName } from './harness/manifest-forms';
import { RENDERERS, type Renderer } from './page/payload';

type Property = { title: string };
const schema = readManifestForm('source').schema as {
  properties: Record<string, Property> & {
    streams: { items: { properties: Record<string, Property> } };
  };
};
const streamProperties = schema.properties.streams.items.properties;
const titleOf = (name: string): string => streamProperties[name]?.title ?? name;

/** Which options each stream takes, as issue 5 defines them; every other option stays hidden. */
const STREAM_OPTIONS: [string, string[]][] = [
  ['tickets', ['state', 'folder', 'assignee', 'customer']],
  ['messages', ['ticket_numbers']],
  ['customers', []],
  ['agents', []],
  ['groups', []],
  ['mailboxes', []],
  ['folders', ['mailbox']],
  ['ticket_counts', ['mailbox']],
  ['attachments', ['ticket_numbers']],
  ['kb_categories', ['knowledge_base_id']],
  ['kb_articles', ['knowledge_base_id']],
  ['widgets', []],
];

const OPTIONS = Object.keys(streamProperties).filter((name) => name !== 'name');

/** The one place the renderers differ: the button that adds a stream to the list. */
const ADD_STREAM: Record<Renderer, (page: Page) => Locator> = {
  rjsf: (page) => page.locator('#root_streams__add'),
  jsonforms: (page) => page.getByRole('button', { name: 'Add to Streams' }),
};

describeInBrowser('The source form in headless Chromium', (browser) => {
  describe.each(RENDERERS)('rendered by %s', (renderer: Renderer) => {
    const page = (): Page => browser.page;

    /** Adds streams until the list has `count`; rjsf starts with one, JSON Forms with none. */
    async function showStreams(count: number): Promise<void> {
      while ((await labelFor(page(), 'Stream Name').count()) < count) {
        await ADD_STREAM[renderer](page()).click();
      }
    }

    async function pickStream(name: string, nth = 0): Promise<void> {
      await (await fieldFor(page(), 'Stream Name', nth)).input.selectOption({ label: name });
    }

    beforeEach(async () => {
      await openForm(page(), browser.origin, 'source', renderer);
    });

    it('renders every field of the form, the stream list included', async () => {
      await showStreams(1);
      await page()
        .getByRole('radio', { name: /^incremental/i })
        .check();

      for (const name of ['streams', 'sync_mode', 'start_date', 'requests_per_minute']) {
        await expect(
          captionFor(page(), schema.properties[name]?.title ?? name).count(),
        ).resolves.toBe(1);
      }
      await expect(captionFor(page(), titleOf('name')).count()).resolves.toBe(1);
    });

    it('shows no stream option before a stream is picked', async () => {
      await showStreams(1);

      for (const option of OPTIONS) {
        await expect(captionFor(page(), titleOf(option)).count()).resolves.toBe(0);
      }
    });

    it.each(STREAM_OPTIONS)(
      'shows exactly the options of the %s stream once it is picked',
      async (stream, expected) => {
        await showStreams(1);

        await pickStream(stream);

        const shown: string[] = [];
        for (const option of OPTIONS) {
          if ((await captionFor(page(), titleOf(option)).count()) > 0) shown.push(option);
        }
        expect(shown).toEqual(expected);
      },
    );

    it('submits two streams with their options that the source schema accepts', async () => {
      await showStreams(2);
      await pickStream('tickets', 0);
      await pickStream('kb_articles', 1);
      await (await fieldFor(page(), titleOf('state'))).input.selectOption({ label: 'opened' });
      await (await fieldFor(page(), titleOf('folder'))).input.fill('1234');
      await (await fieldFor(page(), titleOf('knowledge_base_id'))).input.fill('kb-42');
      await page()
        .getByRole('radio', { name: /^incremental/i })
        .check();
      await (await fieldFor(page(), 'Start Date')).input.fill('2026-01-31');
      await (await fieldFor(page(), 'Requests Per Minute')).input.fill('60');

      await page().getByRole('button', { name: 'Save' }).click();

      const data = await submittedData(page());
      const validate = validatorFor(registrySchemaName('source'));
      expect(validate(data) ? [] : validate.errors).toEqual([]);
      expect(data).toMatchObject({
        streams: [
          { name: 'tickets', state: 'opened', folder: '1234' },
          { name: 'kb_articles', knowledge_base_id: 'kb-42' },
        ],
        sync_mode: 'incremental',
        start_date: '2026-01-31',
        requests_per_minute: 60,
      });
    });
  });
});
