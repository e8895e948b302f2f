import type autocannon from 'autocannon';

/** autocannon reports p90 and p97.5: p95 lies between them; take the linear estimate. */
export function p95Of(result: autocannon.Result) {
  const latency = result.latency as unknown as Record<string, number>;
  return Math.round(latency['p90']! + ((latency['p97_5']! - latency['p90']!) * 5) / 7.5);
}
