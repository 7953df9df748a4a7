import { requireDist } from '../lib/paths';
import { scenarioMain } from '../lib/scenario-main';

type EntryModule = typeof import('../../src/index');

export interface StartupInput {
  /** `connector`: load dist/index.js and validate a credential once; `axios`: load axios. */
  load: 'connector' | 'axios';
}

/** Milliseconds from nothing loaded to ready, in this fresh process. */
scenarioMain(async (input: StartupInput): Promise<{ ms: number }> => {
  const startedAt = process.hrtime.bigint();

  if (input.load === 'axios') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the load is what is timed
    require('axios');
  } else {
    const entry = requireDist<EntryModule>('index');
    const result = entry.validateCredential({
      credential_name: 'Start-up',
      api_key: 'startup-measurement-key-0000',
    });
    if (!result.ok) throw new Error('the start-up credential did not validate');
  }

  return { ms: Number(process.hrtime.bigint() - startedAt) / 1e6 };
});
