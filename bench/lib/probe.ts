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
  /**
   * Highest used heap right after a forced full collection, taken every `retainedEvery`
   * records while the read runs: what the read holds, without the garbage V8 lets pile up
   * between collections. NaN when not asked for (the process needs --expose-gc).
   */
  retainedPeakBytes: number;
  /** From the read's start to its first record: validation, set-up, the first request. */
  firstRecordMs: number;
  /** From the first record to the end: the steady cost per record, set-up left out. */
  steady: { records: number; wallMs: number; cpuMs: number };
}

export interface Probe {
  /** Call once per record, as it is received. */
  record(): void;
  /** Ends the measured stretch. */
  stop(): Cost;
}

const HEAP_SAMPLE_MS = 10;

/** Starts measuring a read; `retainedEvery` records, a full collection measures what is held. */
export function startProbe(options: { retainedEvery?: number } = {}): Probe {
  const startedAt = process.hrtime.bigint();
  const cpuAtStart = process.cpuUsage();
  const usedHeap = (): number => v8.getHeapStatistics().used_heap_size;
  const collect = (globalThis as { gc?: () => void }).gc;
  const retainedEvery = collect === undefined ? undefined : options.retainedEvery;
  let heapPeakBytes = usedHeap();
  let retainedPeakBytes = Number.NaN;
  let first: { at: bigint; cpu: NodeJS.CpuUsage } | undefined;
  let lastAt: bigint | undefined;
  let records = 0;

  const sample = (): void => {
    heapPeakBytes = Math.max(heapPeakBytes, usedHeap());
  };
  const sampler = setInterval(sample, HEAP_SAMPLE_MS);

  // Cheap per record (a clock read); CPU is read once, at the first record.
  const record = (): void => {
    records += 1;
    lastAt = process.hrtime.bigint();
    first ??= { at: lastAt, cpu: process.cpuUsage() };
    if (retainedEvery !== undefined && records % retainedEvery === 0) {
      sample();
      collect?.();
      retainedPeakBytes = Math.max(
        Number.isNaN(retainedPeakBytes) ? 0 : retainedPeakBytes,
        usedHeap(),
      );
    }
  };

  const stop = (): Cost => {
    clearInterval(sampler);
    sample();
    const cpu = process.cpuUsage(cpuAtStart);
    const steadyCpu = first ? process.cpuUsage(first.cpu) : undefined;
    return {
      wallMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      heapPeakBytes,
      retainedPeakBytes,
      firstRecordMs: first ? Number(first.at - startedAt) / 1e6 : Number.NaN,
      steady: {
        records: Math.max(0, records - 1),
        wallMs: first && lastAt ? Number(lastAt - first.at) / 1e6 : 0,
        // From the first record to the end of the read (the tail after the last is tiny).
        cpuMs: steadyCpu ? (steadyCpu.user + steadyCpu.system) / 1000 : 0,
      },
    };
  };

  return { record, stop };
}
