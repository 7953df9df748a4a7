import fs from 'node:fs';
import path from 'node:path';
import { discover } from '../../src/source/discover';

const manifest = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../connector.json'), 'utf8'),
) as {
  streams: Array<{
    name: string;
    schema: string;
    primary_key: string[];
    cursor_field?: string[];
    sync_modes: string[];
  }>;
};

describe('discover()', () => {
  it('lists the twelve streams with keys and cursors read from their record schemas', () => {
    const streams = discover().streams;
    expect(streams.map((s) => s.name)).toEqual([
      'tickets',
      'messages',
      'customers',
      'agents',
      'groups',
      'mailboxes',
      'folders',
      'ticket_counts',
      'attachments',
      'kb_categories',
      'kb_articles',
      'widgets',
    ]);
    expect(streams.find((s) => s.name === 'tickets')).toMatchObject({
      primary_key: ['number'],
      cursor_field: ['updated_at'],
      sync_modes: ['full_refresh', 'incremental'],
    });
    expect(streams.find((s) => s.name === 'agents')).not.toHaveProperty('cursor_field');
  });

  it('agrees with the streams connector.json declares', () => {
    const fromManifest = manifest.streams.map(
      ({ name, schema, primary_key, cursor_field, sync_modes }) => ({
        name,
        schema,
        primary_key,
        cursor_field,
        sync_modes,
      }),
    );
    const fromDiscover = discover().streams.map((s) => ({
      name: s.name,
      schema: `schemas/records/${s.name}.schema.json`,
      primary_key: s.primary_key,
      cursor_field: s.cursor_field,
      sync_modes: s.sync_modes,
    }));
    expect(fromDiscover).toEqual(fromManifest);
  });

  it('says which fields the connector adds, in each derived record schema', () => {
    const byName = new Map(discover().streams.map((s) => [s.name, s.json_schema]));
    expect(String(byName.get('messages')?.['description'])).toMatch(/ticket_number/);
    expect(String(byName.get('attachments')?.['description'])).toMatch(/message_id/);
    expect(String(byName.get('ticket_counts')?.['description'])).toMatch(/one row per folder/);
  });
});
