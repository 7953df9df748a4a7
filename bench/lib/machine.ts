import os from 'node:os';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  /** 1-minute load average when the run started: other work on the machine shows here. */
  loadAverage: string;
}

/** The facts a reader needs to weigh the figures: they were measured on this machine. */
export function describeMachine(now: Date): Machine {
  const cpus = os.cpus();
  return {
    date: now.toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    loadAverage: (os.loadavg()[0] ?? 0).toFixed(2),
  };
}
