import { read } from '../../src/source/read';
import type { SourceMessage } from '../../src/source/messages';
import type { SourceState } from '../../src/source/state/state';
import { startSandbox, type Sandbox } from '../../src/sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, tickets: 40 });
});

afterAll(async () => {
  await sandbox.close();
});

const credential = () => ({
  credential_name: 'Sandbox',
  api_key: sandbox.tokens.admin,
  api_base_url: sandbox.url,
});
const config = {
  streams: [{ name: 'tickets' }, { name: 'customers' }],
  sync_mode: 'full_refresh',
  requests_per_minute: 0,
};

const recordKeys = (messages: SourceMessage[]) =>
  messages.flatMap((m) =>
    m.type === 'RECORD' ? [`${m.stream}:${String(m.record['number'] ?? m.record['email'])}`] : [],
  );

describe('a full refresh stopped between two streams', () => {
  it('resumes with the next stream instead of reading the finished one again', async () => {
    const controller = new AbortController();
    const first: SourceMessage[] = [];
    let saved: SourceState | undefined;
    await expect(
      (async () => {
        for await (const message of read(credential(), config, { signal: controller.signal })) {
          first.push(message);
          if (message.type !== 'STATE' || message.state.streams['tickets']?.done !== true) continue;
          saved = message.state;
          controller.abort(); // stopped right after the tickets were read to their end
        }
      })(),
    ).rejects.toMatchObject({ code: 'cancelled' });

    const second: SourceMessage[] = [];
    for await (const message of read(credential(), config, { state: saved })) second.push(message);
    const full: SourceMessage[] = [];
    for await (const message of read(credential(), config)) full.push(message);

    const resumed = [...recordKeys(first), ...recordKeys(second)];
    expect(recordKeys(second).every((key) => key.startsWith('customers:'))).toBe(true);
    expect(resumed.length).toBe(new Set(resumed).size);
    expect(resumed.sort()).toEqual(recordKeys(full).sort());
  });

  it('ends on a state that marks nothing done, so the next full refresh reads everything', async () => {
    const messages: SourceMessage[] = [];
    for await (const message of read(credential(), config)) messages.push(message);
    const last = messages.filter((m) => m.type === 'STATE').at(-1);

    expect(JSON.stringify(last)).not.toContain('"done"');
    const again: SourceMessage[] = [];
    const state = last?.type === 'STATE' ? last.state : undefined;
    for await (const message of read(credential(), config, { state })) again.push(message);
    expect(recordKeys(again).sort()).toEqual(recordKeys(messages).sort());
  });
});
