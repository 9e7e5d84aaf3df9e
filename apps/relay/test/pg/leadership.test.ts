/**
 * The jobs that run on one node only: a lead is held by one node at a time, and passes to another
 * within seconds when its holder closes, steps down, or loses its connection to the server.
 */
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { PgStorage } from '../../src/storage/pg/pg-storage.js';
import { openNodes, serverForThisFile, waitUntil } from './pg-nodes.js';

const ROLE = 'deadline-watcher';

const server = serverForThisFile();
let nodes: PgStorage[] = [];

afterEach(async () => {
  await Promise.all(nodes.map((node) => node.close()));
  nodes = [];
});

/** How long until `node` takes the lead, trying again and again as a node's job loop would (bounded). */
async function timeToLead(node: PgStorage, onLost = () => undefined): Promise<number> {
  const started = performance.now();
  await waitUntil(() => node.coordination.tryLead(ROLE, onLost), `${ROLE} to pass to another node`, 10_000, 50);
  return performance.now() - started;
}

it('is held by one node at a time, each role on its own', async () => {
  nodes = await openNodes(server(), 2);
  const [a, b] = nodes;
  expect(await a!.coordination.tryLead(ROLE, () => undefined)).toBe(true);
  expect(await b!.coordination.tryLead(ROLE, () => undefined)).toBe(false);
  expect(await a!.coordination.tryLead(ROLE, () => undefined)).toBe(true);
  expect(await b!.coordination.tryLead('outreach-sender', () => undefined)).toBe(true);
  expect(await a!.coordination.tryLead('outreach-sender', () => undefined)).toBe(false);
  // Two nodes asking at the same moment: exactly one gets it.
  const both = await Promise.all([
    a!.coordination.tryLead('minutes', () => undefined),
    b!.coordination.tryLead('minutes', () => undefined),
  ]);
  expect(both.filter(Boolean)).toHaveLength(1);
});

it('passes to another node when its holder closes or steps down, without telling the holder it was lost', async () => {
  nodes = await openNodes(server(), 3);
  const [a, b, c] = nodes;
  let lost = 0;
  expect(await a!.coordination.tryLead(ROLE, () => (lost += 1))).toBe(true);
  await a!.close();
  const afterClose = await timeToLead(b!);
  await b!.coordination.stepDown(ROLE);
  const afterStepDown = await timeToLead(c!);
  console.log(`lead passed ${afterClose.toFixed(0)} ms after its holder closed, ${afterStepDown.toFixed(0)} ms after it stepped down`);
  expect(afterClose).toBeLessThan(5000);
  expect(afterStepDown).toBeLessThan(5000);
  expect(lost).toBe(0);
});

it('is lost by a node whose session the server ends, and taken by another within seconds', async () => {
  nodes = await openNodes(server(), 2);
  const [a, b] = nodes;
  let reportLost: (at: number) => void = () => undefined;
  const lost = new Promise<number>((resolve) => (reportLost = resolve));
  expect(await a!.coordination.tryLead(ROLE, () => reportLost(performance.now()))).toBe(true);
  expect(await b!.coordination.tryLead(ROLE, () => undefined)).toBe(false);
  // An administrator (or a failover) ends a's session: a third client, not the relay.
  const admin = new pg.Client({ connectionString: server().url });
  await admin.connect();
  const cut = performance.now();
  const { rows } = await admin.query<{ ended: boolean }>(
    "SELECT pg_terminate_backend(pid) AS ended FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
  );
  await admin.end();
  expect(rows).toEqual([{ ended: true }]);
  const lostAfter = (await lost) - cut;
  const takenAfter = await timeToLead(b!);
  console.log(
    `lead lost ${lostAfter.toFixed(0)} ms after the holder's session was ended, taken by another node ${takenAfter.toFixed(0)} ms later`,
  );
  expect(lostAfter).toBeLessThan(5000);
  expect(takenAfter).toBeLessThan(5000);
  // a may lead again once b gives the role up.
  await b!.coordination.stepDown(ROLE);
  expect(await a!.coordination.tryLead(ROLE, () => undefined)).toBe(true);
});
