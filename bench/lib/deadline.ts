/**
 * Runs `work` until it ends or `durationMs` passes, whichever comes first. At the deadline the
 * signal is aborted and the result says the work was stopped; an abort error after that is the
 * expected end, not a failure. Without a duration the work runs to its end.
 */
export async function runUntil(
  durationMs: number | undefined,
  work: (signal: AbortSignal) => Promise<void>,
): Promise<{ stoppedAtDeadline: boolean }> {
  const controller = new AbortController();
  if (durationMs === undefined) {
    await work(controller.signal);
    return { stoppedAtDeadline: false };
  }

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), durationMs);
  });
  const finished = work(controller.signal).then(
    () => 'finished' as const,
    (error: unknown) => {
      if (controller.signal.aborted) return 'finished' as const;
      throw error;
    },
  );

  const outcome = await Promise.race([deadline, finished]);
  clearTimeout(timer);
  if (outcome === 'deadline') controller.abort();
  return { stoppedAtDeadline: outcome === 'deadline' };
}
