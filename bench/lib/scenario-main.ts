/**
 * The other half of runScenario: a scenario module calls this with its body. The input comes
 * over IPC; the result (or the error's message) goes back the same way, then the process exits.
 */
export function scenarioMain<I, O>(body: (input: I) => Promise<O>): void {
  process.once('message', (input) => {
    body(input as I).then(
      (result) => reply({ ok: true, result }),
      (error: unknown) =>
        reply({
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
}

function reply(message: object): void {
  process.send?.(message, () => process.exit(0));
}
