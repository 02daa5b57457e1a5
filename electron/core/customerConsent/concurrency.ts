/**
 * Runs `work` over `items` with at most `limit` in flight, keeping results in input order and
 * reporting each as it finishes. Partner Center and the token endpoint throttle a burst of
 * hundreds of calls; a handful at a time stays under their limits.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  onEach?: (result: R, done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
      onEach?.(results[index]!, ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
