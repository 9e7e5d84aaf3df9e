import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every metric the relay exposes starts with this. */
export const METRIC_PREFIX = 'contact_desk_';

let processRegistry: Registry | undefined;

/**
 * Node's default metrics (CPU, resident memory, heap, event-loop lag, garbage collection, handles,
 * file descriptors) under `METRIC_PREFIX`, in a registry of their own, never prom-client's global
 * one. They describe the process, not one relay: collected once per process and served beside
 * each relay's own registry. Each collection starts an event-loop delay monitor and a GC
 * observer that cannot be stopped, so one per relay would pile up where several relays share a
 * process (the tests, the bench).
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: METRIC_PREFIX });
  }
  return processRegistry;
}
