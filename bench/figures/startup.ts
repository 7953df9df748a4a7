import { runScenario } from '../lib/child';
import type { Figure } from '../lib/figure';
import { fixed, median } from '../lib/stats';
import type { StartupInput } from '../scenarios/startup';

const NAME = 'Start-up';

/**
 * Time to load the entry module and have its validators ready, over the time to load axios
 * alone: fresh processes, connector and axios alternating, medians compared.
 */
export async function measureStartup(runs: number): Promise<Figure[]> {
  const connector: number[] = [];
  const axios: number[] = [];

  for (let run = 0; run < runs; run++) {
    connector.push(await loadTime({ load: 'connector' }));
    axios.push(await loadTime({ load: 'axios' }));
  }

  const connectorMs = median(connector);
  const axiosMs = median(axios);
  return [
    {
      name: NAME,
      connector: `${fixed(connectorMs, 1)} ms`,
      baseline: `${fixed(axiosMs, 1)} ms (require axios)`,
      ratio: fixed(connectorMs / axiosMs),
      target: 'none set',
      verdict: 'context',
      note:
        `median of ${runs} fresh processes each, alternating; connector = require dist/index.js ` +
        'and validate one credential (its ajv validators compiled), axios = require axios',
    },
  ];
}

async function loadTime(input: StartupInput): Promise<number> {
  const { ms } = await runScenario<StartupInput, { ms: number }>(
    'scenarios/startup',
    input,
    60_000,
  );
  return ms;
}
