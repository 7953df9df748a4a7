type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Runs `work` on each item with at most `limit` in flight and yields the results in input order.
 * Stops taking items once `stopTaking()` says so (already started work still finishes and is
 * yielded) and closes the input then, so a generator feeding it can clean up. An input that
 * fails is reported to `inputFailed` with the number of items taken, and the work already
 * started still finishes and is yielded: it may have reached Groove.
 */
export async function* inOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  stopTaking: () => boolean,
  inputFailed: (error: unknown, taken: number) => void,
): AsyncGenerator<R> {
  const iterator = toAsyncIterator(items);
  const pending: Promise<Settled<R>>[] = [];
  let index = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.length < limit && !stopTaking()) {
        let next: IteratorResult<T>;
        try {
          next = await iterator.next();
        } catch (error) {
          exhausted = true; // a failed iterator is finished; it is not asked to return
          inputFailed(error, index);
          break;
        }
        if (next.done === true) {
          exhausted = true;
          break;
        }
        // Settled up front: a later item failing while an earlier one is awaited is no
        // unhandled rejection.
        pending.push(settle(work(next.value, index++)));
      }

      const head = pending.shift();
      if (head === undefined) return;
      const settled = await head;
      if (!settled.ok) throw settled.error;
      yield settled.value;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

function settle<R>(promise: Promise<R>): Promise<Settled<R>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function toAsyncIterator<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]();
  const iterator = items[Symbol.iterator]();
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}
