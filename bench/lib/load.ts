import { loadavg } from 'node:os';
import autocannon, { type Request, type Result } from 'autocannon';

// Load from this process (not the server's) with autocannon, over loopback, bounded by duration or
// count. Latencies are recorded from every response at sub-millisecond precision (autocannon's own
// histogram rounds to whole milliseconds and leaves out non-2xx answers).

export interface LoadOptions {
  label: string;
  base: string;
  /** Requests cycled through in order; a request without a method is a GET. */
  requests: Request[];
  connections: number;
  durationS?: number;
  amount?: number;
  /** Open-loop rate for all connections together (requests per second). */
  overallRate?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  label: string;
  connections: number;
  overallRate: number | null;
  seconds: number;
  completed: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  status: Record<string, number>;
  errors: number;
  timeouts: number;
  loadAvg: [number, number];
}

export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  let next = 0;
  const cycle: Request = {
    setupRequest: (request) => {
      const template = options.requests[next++ % options.requests.length]!;
      return { ...request, method: template.method ?? 'GET', ...template };
    },
  };
  const load0 = loadavg()[0]!;
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.base,
        title: options.label,
        connections: options.connections,
        pipelining: 1,
        timeout: 30,
        ...(options.amount ? { amount: options.amount } : { duration: options.durationS ?? 10 }),
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        headers: options.headers,
        requests: [cycle],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      lastResponse = performance.now();
      latencies.push(responseTime);
      status[statusCode] = (status[statusCode] ?? 0) + 1;
    });
  });
  // autocannon reports the end of a run at its next one-second tick: time to the last answer instead
  const seconds = (lastResponse - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    connections: options.connections,
    overallRate: options.overallRate ?? null,
    seconds: r2(seconds),
    completed: latencies.length,
    rps: r2(latencies.length / seconds),
    p50: r2(percentile(latencies, 0.5)),
    p90: r2(percentile(latencies, 0.9)),
    p99: r2(percentile(latencies, 0.99)),
    max: r2(latencies[latencies.length - 1] ?? Number.NaN),
    mean: r2(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    status,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAvg: [r2(load0), r2(loadavg()[0]!)],
  };
}
