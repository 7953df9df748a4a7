import fs from 'node:fs';
import path from 'node:path';
import { validateDestinationConfig } from '../../src/destination/config';
import { InvalidInputError } from '../../src/errors';
import { readSchema } from '../../src/validation/ajv';

function issuesOf(config: unknown): { field: string; message: string }[] {
  try {
    validateDestinationConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues.map(({ field, message }) => ({ field, message }));
  }
  throw new Error('expected the configuration to be refused');
}

describe('the destination form', () => {
  it('fills every default so that a bare operation emails nobody and sends one at a time', () => {
    const settings = validateDestinationConfig({ operation: 'create_ticket' });

    expect(settings).toMatchObject({
      mapping: {},
      on_invalid_record: 'skip',
      send_copy_to_customer: false,
      skip_notifications: true,
      concurrency: 1,
      requests_per_minute: 30,
    });
    expect(settings.operation.name).toBe('create_ticket');
    expect(settings.operation.creates).toBe(true);
  });

  it('keeps the values the form was given', () => {
    const settings = validateDestinationConfig({
      operation: 'update_customer',
      mapping: { email: 'contact.email', custom: 'attributes' },
      on_invalid_record: 'stop',
      concurrency: 4,
      requests_per_minute: 0,
    });

    expect(settings).toMatchObject({
      mapping: { email: 'contact.email', custom: 'attributes' },
      on_invalid_record: 'stop',
      concurrency: 4,
      requests_per_minute: 0,
    });
  });

  it.each([
    ['no operation', {}, 'operation', 'Operation is required.'],
    [
      'an operation Groove v1 cannot do',
      { operation: 'delete_ticket' },
      'operation',
      'Operation must be one of: create_ticket, create_message, update_ticket_state, update_ticket_assignee, update_ticket_priority, update_ticket_group, update_customer.',
    ],
    [
      'a concurrency above the ceiling',
      { operation: 'create_ticket', concurrency: 5 },
      'concurrency',
      'Concurrency must be <= 4.',
    ],
    [
      'a concurrency of zero',
      { operation: 'create_ticket', concurrency: 0 },
      'concurrency',
      'Concurrency must be >= 1.',
    ],
    [
      'a fractional pace',
      { operation: 'create_ticket', requests_per_minute: 2.5 },
      'requests_per_minute',
      'Requests per Minute must be a whole number.',
    ],
    [
      'an unknown way to handle bad records',
      { operation: 'create_ticket', on_invalid_record: 'retry' },
      'on_invalid_record',
      'On Invalid Record must be one of: skip, stop.',
    ],
    [
      'a field the form does not have',
      { operation: 'create_ticket', dry_run: true },
      'dry_run',
      '"dry_run" is not a field of this form; remove it.',
    ],
    [
      'an emailing switch that is not a boolean',
      { operation: 'create_ticket', send_copy_to_customer: 'yes' },
      'send_copy_to_customer',
      'Email the Customer a Copy must be a boolean.',
    ],
  ])('refuses %s, naming the field', (_case, config, field, message) => {
    expect(issuesOf(config)).toContainEqual({ field, message });
  });

  it.each([
    ['a key that is not an input of the operation', { subjct: 'title' }, 'subjct'],
    [
      'an inner field of an input that holds no object',
      { 'subject.text': 'title' },
      'subject.text',
    ],
    ['a key in capitals', { Subject: 'title' }, 'Subject'],
    ['a path nested twice', { 'to.email.x': 'mail' }, 'to.email.x'],
  ])('refuses a mapping with %s and lists what can be mapped', (_case, mapping, key) => {
    const issues = issuesOf({ operation: 'create_ticket', mapping });

    expect(issues).toEqual([
      {
        field: `mapping/${key}`,
        message: expect.stringMatching(
          new RegExp(
            `^"${key.replace(/\./g, '\\.')}" is not an input of create_ticket; map one of: body, from, to, subject, .*, from\\.<field>, to\\.<field>\\.$`,
          ),
        ),
      },
    ]);
  });

  it('accepts a mapping into an inner field of the customer object', () => {
    const mapping = { 'to.email': 'customer.email', 'to.name': 'customer.name', body: 'text' };

    expect(validateDestinationConfig({ operation: 'create_ticket', mapping }).mapping).toEqual(
      mapping,
    );
  });

  it('refuses a mapping that names no record field', () => {
    expect(issuesOf({ operation: 'update_ticket_state', mapping: { state: '' } })).toEqual([
      {
        field: 'mapping/state',
        message:
          'The record field mapped to "state" must be a name or path of 1 to 500 characters.',
      },
    ]);
  });

  it('greys the emailing switches out for operations that send no email, as rjsf reads it', () => {
    const schema = readSchema('destination.schema.json');

    expect(schema['if']).toEqual({
      properties: { operation: { enum: ['create_ticket', 'create_message'] } },
    });
    expect(schema['else']).toMatchObject({
      properties: {
        send_copy_to_customer: { readOnly: true },
        skip_notifications: { readOnly: true },
      },
    });
  });

  it('shows the emailing switches for create operations only, as JSON Forms reads it', () => {
    const uiSchema = JSON.parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../schemas/ui/destination.jsonforms.json'),
        'utf8',
      ),
    );
    const emails = uiSchema.elements.find(
      (element: { label?: string }) => element.label === 'Emails',
    );

    expect(emails.rule).toEqual({
      effect: 'SHOW',
      condition: {
        scope: '#/properties/operation',
        schema: { enum: ['create_ticket', 'create_message'] },
      },
    });
    expect(emails.elements.map((element: { scope: string }) => element.scope)).toEqual([
      '#/properties/send_copy_to_customer',
      '#/properties/skip_notifications',
    ]);
  });

  it('gives every form field a place in both UI hint files', () => {
    const fields = Object.keys(readSchema('destination.schema.json')['properties'] as object);
    const dir = path.resolve(__dirname, '../../schemas/ui');
    const rjsf = JSON.parse(fs.readFileSync(path.join(dir, 'destination.rjsf.json'), 'utf8'));
    const jsonForms = fs.readFileSync(path.join(dir, 'destination.jsonforms.json'), 'utf8');

    expect(rjsf['ui:order']).toEqual(fields);
    for (const field of fields) expect(jsonForms).toContain(`"#/properties/${field}"`);
  });
});
