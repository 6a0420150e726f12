/**
 * Runs `work` with an interval ticking on this thread every `everyMs`: how long the work took, how often the ticker got
 * to run, and its longest wait (an event-loop stall). `warmUpMs` lets the ticker run once before the work starts.
 * Shared by the responsiveness tests and `npm run bench`.
 */
export async function ticking<T>(
  work: () => Promise<T>,
  opts: { everyMs?: number; warmUpMs?: number } = {},
): Promise<{ result: T; ms: number; ticks: number; maxGap: number }> {
  let last = performance.now();
  let maxGap = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks++;
  }, opts.everyMs ?? 2);
  try {
    if (opts.warmUpMs) await new Promise((r) => setTimeout(r, opts.warmUpMs));
    const start = performance.now();
    const result = await work();
    const ms = performance.now() - start;
    maxGap = Math.max(maxGap, performance.now() - last);
    return { result, ms, ticks, maxGap };
  } finally {
    clearInterval(timer);
  }
}
