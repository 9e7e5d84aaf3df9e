/**
 * The metrics of a real `relay serve` process under a known load, scraped over HTTP as Prometheus
 * would: every count equals what the devices did and were answered, the histograms count every
 * commit and pull, the devices gauge follows connections; and who may read `/metrics` where.
 */
import { newId, type MutationResult, type PushResponse } from '@contact-desk/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDevice, createRequestArgs, mutation, type Client, type WireMutation } from './harness.js';
import type { Exposition } from './monitoring/exposition.js';
import { ServedRelay } from './monitoring/served-relay.js';
import { relayCliOk } from './pg/relay-cli.js';

let relay: ServedRelay;
const clients: Client[] = [];
/** What the devices were answered, by `type outcome` (a rejection by its code). */
const answered: Record<string, number> = {};
/** Mutations the core decided (the socket layer refuses malformed ones before it). */
let decidedByCore = 0;

function tallyAnswers(sent: readonly WireMutation[], response: PushResponse): readonly MutationResult[] {
  if (!response.ok) throw new Error(`push refused: ${response.error.code}`);
  response.results.forEach((result, i) => {
    const key = `${sent[i]?.type ?? '?'} ${result.status === 'accepted' ? 'accepted' : result.error.code}`;
    answered[key] = (answered[key] ?? 0) + 1;
  });
  return response.results;
}

async function push(client: Client, sent: readonly WireMutation[], byCore = sent.length): Promise<readonly MutationResult[]> {
  decidedByCore += byCore;
  return tallyAnswers(sent, await client.push(sent));
}

async function enroll(code: string): Promise<Client> {
  const response = await fetch(`${relay.url}/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceLabel: 'test laptop' }),
  });
  const body = (await response.json()) as { ok: boolean; token: string };
  if (!body.ok) throw new Error('enrollment refused');
  const client = await connectDevice(relay.url, body.token);
  clients.push(client);
  return client;
}

/** Creates a user through the prefect's device; returns their enrollment code. */
async function userCode(prefect: Client, role: string, platformId: string | null): Promise<string> {
  const [result] = await push(prefect, [
    mutation('user.create', { userId: newId(), name: `${role} ${newId().slice(-4)}`, role, platformId }),
  ]);
  const code = result?.status === 'accepted' ? result.data?.enrollmentCode : undefined;
  if (!code) throw new Error('no enrollment code');
  return code;
}

function mutationTally(metrics: Exposition): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const [key, value] of Object.entries(metrics.tally('contact_desk_mutations_accepted_total', ['type'])))
    tally[`${key} accepted`] = value;
  for (const [key, value] of Object.entries(metrics.tally('contact_desk_mutations_rejected_total', ['type', 'code']))) tally[key] = value;
  return tally;
}

let replays = 0;
const pullSizes: number[] = [];

beforeAll(async () => {
  relay = await ServedRelay.start();
  const cliOutput = await relayCliOk(['user', 'add', '--role', 'prefect', '--name', 'Claire Vautrin', '--data-dir', relay.dataDir]);
  answered['user.create accepted'] = 1;
  decidedByCore += 1;
  const prefect = await enroll(/enrollment code: (\S+)/.exec(cliOutput)?.[1] ?? '');
  await push(prefect, [
    mutation('platform.create', { platformId: 'alpha', name: 'Alpha', kind: 'platform' }),
    mutation('platform.create', { platformId: 'beta', name: 'Beta', kind: 'platform' }),
  ]);
  const operator = await enroll(await userCode(prefect, 'operator', null));
  const alpha = await enroll(await userCode(prefect, 'liaison', 'alpha'));
  const alphaBackup = await enroll(await userCode(prefect, 'liaison', 'alpha'));
  const beta = await enroll(await userCode(prefect, 'liaison', 'beta'));

  const creates = [
    ...Array.from({ length: 5 }, () => createRequestArgs('alpha')),
    ...Array.from({ length: 3 }, () => createRequestArgs('beta')),
  ];
  const createMutations = creates.map((args) => mutation('request.create', args));
  await push(operator, createMutations);
  const alphaIds = creates.slice(0, 5).map((args) => args.requestId as string);
  const acknowledge = () => alphaIds.map((requestId) => mutation('request.acknowledge', { requestId }));
  await push(alpha, acknowledge());
  // Already acknowledged, and a request the other platform's liaison cannot see.
  await push(alphaBackup, acknowledge());
  await push(beta, acknowledge().slice(0, 2));
  await push(operator, [mutation('platform.create', { platformId: 'gamma', name: 'Gamma', kind: 'platform' })]);
  // Refused by the socket layer: arguments that fail the schema, and a type the protocol does not have.
  const malformed = [mutation('request.create', { requestId: newId(), platformId: 'alpha' }), mutation('request.create', { items: 3 })];
  await push(operator, [...malformed, mutation('request.teleport', {})], 0);
  // Sent again: the stored answers come back.
  replays = 3;
  // Answered from the store in a batch that writes nothing: not a commit, so not in the batch sizes.
  const again = await operator.push(createMutations.slice(0, replays));
  expect(again.ok && again.results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted']);
  // A push that is not a push.
  expect(await operator.pushRaw({ mutations: 'all of them' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

  // Pulls of known sizes: beta's liaison pages through its log one, then two events at a time, then reaches the head.
  let cursor = 0;
  for (const limit of [1, 2, 2, 1000, 1000]) {
    const page = await beta.pull(cursor, limit);
    if (!page.ok) throw new Error(page.error.code);
    pullSizes.push(page.events.length);
    cursor = page.upToSeq;
  }
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await relay?.stop();
});

describe('metrics of a real relay process under a known load', () => {
  it('count every mutation by type and outcome exactly as the devices were answered', async () => {
    expect(answered).toEqual({
      'user.create accepted': 5,
      'platform.create accepted': 2,
      'platform.create forbidden': 1,
      'request.create accepted': 8,
      'request.create invalid_payload': 2,
      'request.teleport unknown_mutation': 1,
      'request.acknowledge accepted': 5,
      'request.acknowledge illegal_transition': 5,
      'request.acknowledge not_found': 2,
    });
    const metrics = await relay.scrape();
    // A type the protocol does not have is counted as `unknown`, whatever the client wrote.
    const { 'request.teleport unknown_mutation': teleports, ...known } = answered;
    expect(mutationTally(metrics)).toEqual({ ...known, 'unknown unknown_mutation': teleports });
    expect(metrics.tally('contact_desk_mutations_replayed_total', ['type'])).toEqual({ 'request.create': replays });
    expect(metrics.tally('contact_desk_pushes_refused_total', ['code'])).toEqual({ invalid_payload: 1 });
  });

  it('count every group commit: its latency, the mutations it answered, the events it appended, up to the head', async () => {
    // Receipts of the liaisons' requests are committed on their own: wait until the log is still.
    const metrics = await relay.scrapeUntil(async (m) => m.value('contact_desk_chain_head_seq') === (await head()), 'a still log');
    const headSeq = metrics.value('contact_desk_chain_head_seq');
    const commits = metrics.value('contact_desk_commit_duration_seconds_count');
    expect(metrics.value('contact_desk_commit_batch_events_sum')).toBe(headSeq);
    expect(metrics.value('contact_desk_commit_batch_mutations_sum')).toBe(decidedByCore);
    expect(metrics.value('contact_desk_commit_batch_events_count')).toBe(commits);
    expect(metrics.value('contact_desk_commit_batch_mutations_count')).toBe(commits);
    expect(metrics.value('contact_desk_commit_duration_seconds_bucket', { le: '+Inf' })).toBe(commits);
    expect(metrics.value('contact_desk_commit_duration_seconds_sum')).toBeGreaterThan(0);
    // Fewer commits than events and mutations: group commit at work (the 8 creates went in one).
    expect(commits).toBeLessThan(headSeq);
    expect(metrics.value('contact_desk_commit_batch_mutations_bucket', { le: '5' })).toBeLessThan(commits);
    expect(metrics.sum('contact_desk_commit_failures_total')).toBe(0);
  });

  it('histogram the pull pages by their sizes', async () => {
    expect(pullSizes.slice(0, 3)).toEqual([1, 2, 2]);
    expect(pullSizes.at(-1)).toBe(0);
    const metrics = await relay.scrape();
    expect(metrics.value('contact_desk_pull_page_events_count')).toBe(pullSizes.length);
    expect(metrics.value('contact_desk_pull_page_events_sum')).toBe(pullSizes.reduce((a, b) => a + b, 0));
    for (const le of [0, 1, 10, 50]) {
      expect(metrics.value('contact_desk_pull_page_events_bucket', { le: String(le) }), `pages of at most ${le}`).toBe(
        pullSizes.filter((size) => size <= le).length,
      );
    }
  });

  it('gauge the devices connected by role, down as they leave; and the head, the lead, the engine, readiness', async () => {
    const byRole = (m: Exposition) => m.tally('contact_desk_connected_devices', ['role']);
    expect(byRole(await relay.scrape())).toEqual({ prefect: 1, operator: 1, liaison: 3 });
    clients.pop()?.close();
    await relay.scrapeUntil((m) => m.value('contact_desk_connected_devices', { role: 'liaison' }) === 2, 'two liaisons');
    const operator = clients.find((client) => client.session?.actor.role === 'operator');
    operator?.close();
    const metrics = await relay.scrapeUntil((m) => m.value('contact_desk_connected_devices', { role: 'operator' }) === 0, 'no operator');
    expect(byRole(metrics)).toEqual({ prefect: 1, liaison: 2 });
    expect(metrics.value('contact_desk_leads', { lead: 'deadlines' })).toBe(1);
    expect(metrics.value('contact_desk_relay_info', { engine: 'sqlite', protocol: '1' })).toBe(1);
    expect(metrics.value('contact_desk_ready')).toBe(1);
    expect(metrics.sum('contact_desk_not_ready')).toBe(0);
    expect(metrics.value('contact_desk_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(metrics.names()).toContain('contact_desk_nodejs_eventloop_lag_p99_seconds');
  });
});

async function head(): Promise<number> {
  return ((await (await fetch(`${relay.url}/healthz`)).json()) as { headSeq: number }).headSeq;
}

describe('who may read the metrics', () => {
  it('the main port: only with the admin secret; anyone else gets the same 401', async () => {
    const secret = readFileSync(join(relay.dataDir, 'admin.secret'), 'utf8').trim();
    const refusals = await Promise.all(
      [undefined, 'Bearer wrong', `Bearer ${secret}x`, `Bearer  ${secret}`, secret, `Basic ${secret}`].map((authorization) =>
        fetch(`${relay.url}/metrics`, authorization === undefined ? {} : { headers: { authorization } }),
      ),
    );
    for (const response of refusals) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="contact-desk"');
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'unauthenticated', message: "Send the relay's admin secret as a bearer token." },
      });
    }
    const allowed = await fetch(`${relay.url}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
    expect(allowed.status).toBe(200);
    const text = await allowed.text();
    expect(text).toContain('# TYPE contact_desk_mutations_accepted_total counter');
    expect(text).not.toContain(secret);
  });

  it('the metrics listener: loopback by default, GET /metrics only', async () => {
    expect(new URL(relay.metricsUrl).hostname).toBe('127.0.0.1');
    expect(new URL(relay.metricsUrl).port).not.toBe(new URL(relay.url).port);
    const post = await fetch(relay.metricsUrl, { method: 'POST' });
    expect(post.status).toBe(404);
    const other = await fetch(new URL('/healthz', relay.metricsUrl));
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
