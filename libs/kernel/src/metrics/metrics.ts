import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per process; every lib registers its collectors here. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'ped_' });

export const httpRequestDuration = new Histogram({
  name: 'ped_http_request_duration_seconds',
  help: 'HTTP request latency by method, route template and status class',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});
