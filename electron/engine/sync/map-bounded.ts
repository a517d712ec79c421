/**
 * Returns `work` applied to every item with at most `parallel` calls in flight, results in item
 * order. The first failure rejects the whole call; calls already started are left to finish.
 */
export async function mapBounded<T, R>(items: readonly T[], parallel: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(parallel, 1), items.length) }, worker));
  return results;
}
