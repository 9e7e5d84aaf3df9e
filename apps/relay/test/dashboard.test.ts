/**
 * The Grafana dashboard (resources/grafana/contact-desk-relay.json) and the example alerts of
 * docs/monitoring.md against a real relay's `/metrics`: every metric their PromQL names is one the
 * relay serves, every metric of the relay is on the dashboard, and the dashboard asks for its
 * Prometheus data source rather than naming one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, Harness } from './harness.js';
import { Exposition } from './monitoring/exposition.js';

afterEach(closeAll);

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DASHBOARD = join(ROOT, 'resources', 'grafana', 'contact-desk-relay.json');
/** The example alerts of docs/monitoring.md: the YAML block of its section. */
const ALERTS = /## Example alerts[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs', 'monitoring.md'), 'utf8'))?.[1] ?? '';

interface Target {
  readonly expr: string;
  readonly datasource?: { readonly uid?: string };
}
interface Panel {
  readonly type: string;
  readonly title: string;
  readonly datasource?: { readonly type?: string; readonly uid?: string };
  readonly targets?: readonly Target[];
  readonly panels?: readonly Panel[];
}
interface Dashboard {
  readonly panels: readonly Panel[];
  readonly templating: {
    readonly list: readonly { readonly name: string; readonly type: string; readonly query: unknown; readonly definition?: string }[];
  };
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]).filter((panel) => panel.type !== 'row');
const queries = [
  ...panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
  ...dashboard.templating.list.flatMap((variable) => (variable.definition ? [variable.definition] : [])),
];

function metricNames(query: string): string[] {
  return query.match(/\bcontact_desk_[a-z0-9_]+\b/g) ?? [];
}

describe('the Grafana dashboard', () => {
  it('names only metrics a real relay serves, as do the example alerts, and shows every metric of the relay', async () => {
    const h = await Harness.start(undefined, undefined, { config: { metricsPort: 0 } });
    const response = await fetch(h.relay.metricsUrl ?? '');
    const served = Exposition.parse(await response.text()).names();
    const used = new Set(queries.flatMap(metricNames));
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((name) => !served.has(name))).toEqual([]);
    const relayFamilies = (h.relay.metrics?.registry.getMetricsAsArray() ?? []).map((metric) => metric.name);
    expect(relayFamilies.length).toBeGreaterThan(15);
    const shown = (family: string) => [...used].some((name) => name === family || name.startsWith(`${family}_`));
    expect(relayFamilies.filter((family) => !shown(family))).toEqual([]);
    const alerting = new Set(metricNames(ALERTS));
    expect(alerting.size).toBeGreaterThan(5);
    expect([...alerting].filter((name) => !served.has(name))).toEqual([]);
    // Node's own metrics: memory, CPU and event-loop lag.
    for (const name of [
      'contact_desk_process_resident_memory_bytes',
      'contact_desk_process_cpu_seconds_total',
      'contact_desk_nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(used).toContain(name);
    }
  });

  it('takes its Prometheus data source as a variable, on every panel and query', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    expect(panels.length).toBeGreaterThan(10);
    for (const panel of panels) {
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource?.uid, panel.title).toBe('${datasource}');
    }
  });

  it('writes each query with its brackets balanced', () => {
    for (const query of queries) {
      for (const [open, close] of [
        ['(', ')'],
        ['{', '}'],
        ['[', ']'],
      ] as const) {
        expect(query.split(open).length, `${open}${close} in ${query}`).toBe(query.split(close).length);
      }
    }
  });
});
