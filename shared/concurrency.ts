/** Runs `work` over the items with at most `limit` in flight; results keep the items' order. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Spaces calls at most `perSecond` a second however many run at once: each caller waits for the
 * next free slot. By hand because it is five lines; a limiter library would bring a scheduler.
 */
export function pacer(perSecond: number, clock = () => Date.now()) {
  let nextSlot = 0;
  return async () => {
    const slot = Math.max(clock(), nextSlot);
    nextSlot = slot + 1000 / perSecond;
    const wait = slot - clock();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}
