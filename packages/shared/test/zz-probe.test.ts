import fc from 'fast-check';
import { it } from 'vitest';
import { run, scenario } from './scenarios.js';
it('probe', () => {
  const statuses: Record<string, number> = {}; let ok = 0, ko = 0, logs = 0; const codes: Record<string, number> = {}; const types: Record<string, number> = {};
  for (const commands of fc.sample(scenario, 150)) {
    const { world, outcomes } = run(commands);
    logs += world.desk.log.length;
    for (const e of world.desk.log) types[e.type] = (types[e.type] ?? 0) + 1;
    for (const o of outcomes) { if (o.decision.ok) ok++; else { ko++; codes[o.decision.error.code] = (codes[o.decision.error.code] ?? 0) + 1; } }
    for (const r of world.desk.state.requests.values()) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
  console.log(JSON.stringify({ statuses, ok, ko, codes, logs, types }));
});
