import type { Page } from 'playwright-core';
import { validatorFor } from '../../src/validation/ajv';
import { describeInBrowser } from './harness/describe-in-browser';
import { captionFor, fieldFor, openForm, submittedData } from './harness/form-page';
import { readManifestForm, registrySchemaName } from './harness/manifest-forms';
import { RENDERERS, type Renderer } from './page/payload';

const form = readManifestForm('destination');
const schema = form.schema as {
  properties: Record<string, { title: string; enum?: string[] }>;
};
const titleOf = (name: string): string => schema.properties[name]?.title ?? name;
const OPERATIONS = schema.properties['operation']?.enum ?? [];

/** The email switches matter only to operations that create something in Groove. */
const EMAIL_SWITCHES = ['send_copy_to_customer', 'skip_notifications'];
const CREATES = new Set(['create_ticket', 'create_message']);

/** The label each renderer gives an operation: rjsf uses the hint's names, JSON Forms the value. */
function operationLabel(renderer: Renderer, operation: string): string {
  const names = (form.hints.rjsf['operation'] as { 'ui:enumNames'?: string[] } | undefined)?.[
    'ui:enumNames'
  ];
  return renderer === 'rjsf' ? (names?.[OPERATIONS.indexOf(operation)] ?? operation) : operation;
}

/** The one place the renderers differ: adding a row to the Field Mapping and filling it. */
const ADD_MAPPING: Record<Renderer, (page: Page, input: string, field: string) => Promise<void>> = {
  rjsf: async (page, input, field) => {
    await page.locator('#root_mapping__add').click();
    await page.getByLabel('newKey Key', { exact: true }).fill(input);
    await page.getByLabel('newKey Key', { exact: true }).blur();
    await page.getByLabel(input, { exact: true }).fill(field);
  },
  jsonforms: async (page, input, field) => {
    await page.getByRole('button', { name: 'Add to Field Mapping' }).click();
    await page.getByLabel('Field Mapping 1: input name').fill(input);
    await page.getByLabel('Field Mapping 1: record field').fill(field);
  },
};

describeInBrowser('The destination form in headless Chromium', (browser) => {
  describe.each(RENDERERS)('rendered by %s', (renderer: Renderer) => {
    const page = (): Page => browser.page;

    async function pickOperation(operation: string): Promise<void> {
      const field = await fieldFor(page(), titleOf('operation'));
      await field.input.selectOption({ label: operationLabel(renderer, operation) });
    }

    /** A switch is offered when it is on screen and can be changed. */
    async function offered(name: string): Promise<boolean> {
      const box = page().getByRole('checkbox', { name: titleOf(name), exact: true });
      return (await box.count()) === 1 && (await box.isEnabled());
    }

    beforeEach(async () => {
      await openForm(page(), browser.origin, 'destination', renderer);
    });

    it('renders every field of the form once a creating operation is picked', async () => {
      await pickOperation('create_ticket');

      for (const name of ['operation', 'mapping', 'on_invalid_record', 'concurrency']) {
        await expect(captionFor(page(), titleOf(name)).count()).resolves.toBe(1);
      }
      await expect(captionFor(page(), titleOf('requests_per_minute')).count()).resolves.toBe(1);
      for (const name of EMAIL_SWITCHES) await expect(offered(name)).resolves.toBe(true);
    });

    it.each(OPERATIONS)(
      'offers the email switches for %s only if it creates',
      async (operation) => {
        await pickOperation(operation);

        for (const name of EMAIL_SWITCHES) {
          await expect(offered(name)).resolves.toBe(CREATES.has(operation));
        }
      },
    );

    it('submits a filled form that the destination schema accepts', async () => {
      await pickOperation('create_ticket');
      await ADD_MAPPING[renderer](page(), 'to.email', 'customer.email');
      await page()
        .getByRole('checkbox', { name: titleOf('send_copy_to_customer') })
        .check();
      await page().getByRole('radio', { name: /^stop/i }).check();
      await (await fieldFor(page(), titleOf('concurrency'))).input.fill('2');

      await page().getByRole('button', { name: 'Save' }).click();

      const data = await submittedData(page());
      const validate = validatorFor(registrySchemaName('destination'));
      expect(validate(data) ? [] : validate.errors).toEqual([]);
      expect(data).toMatchObject({
        operation: 'create_ticket',
        mapping: { 'to.email': 'customer.email' },
        send_copy_to_customer: true,
        on_invalid_record: 'stop',
        concurrency: 2,
      });
    });
  });
});
