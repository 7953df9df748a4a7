import v8 from 'node:v8';

/** What one measured stretch of a scenario cost its own process. */
export interface Cost {
  wallMs: number;
  /** User + system CPU of this process only. */
  cpuMs: number;
  /** Peak resident set size of the process over its whole life (process.resourceUsage). */
  maxRssBytes: number;
  /** Highest V8 used-heap size seen by sampling every HEAP_SAMPLE_MS and at the end. */
  heapPeakBytes: number;
}

const HEAP_SAMPLE_MS = 10;

/** Starts measuring; call the returned function at the end of the measured stretch. */
export function startProbe(): () => Cost {
  const startedAt = process.hrtime.bigint();
  const cpuAtStart = process.cpuUsage();
  let heapPeakBytes = v8.getHeapStatistics().used_heap_size;

  const sample = (): void => {
    heapPeakBytes = Math.max(heapPeakBytes, v8.getHeapStatistics().used_heap_size);
  };
  const sampler = setInterval(sample, HEAP_SAMPLE_MS);

  return () => {
    clearInterval(sampler);
    sample();
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      wallMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      heapPeakBytes,
    };
  };
}
