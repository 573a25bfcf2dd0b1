// Timing helpers for the bench: run a call per item in sequence and summarise milliseconds.
export interface Timing {
  readonly label: string;
  readonly count: number;
  readonly meanMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** Times `call` once per item, one after another (a bench of latency, not of throughput). */
export async function timeEach<T>(label: string, items: readonly T[], call: (item: T) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await call(item);
    samples.push(performance.now() - started);
  }
  return summarise(label, samples);
}

export function summarise(label: string, samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const mean = sorted.length === 0 ? 0 : sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { label, count: sorted.length, meanMs: mean, p95Ms: at(0.95), maxMs: at(1) };
}

/** Every n-th item so that at most `limit` remain, spread over the whole list. */
export function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)] as T);
}
