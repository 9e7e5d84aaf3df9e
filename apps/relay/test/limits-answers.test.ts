/**
 * Every answer is bounded, whatever was sent: a binary push, a huge array, keys and paths of
 * any length, a hundred broken mutations, the same through the REST API. Each answer stays under
 * its bound (ANSWER_BOUNDS), says how much it left out, records nothing, and the relay keeps
 * serving the others.
 */
import { ANSWER_BOUNDS, newId, type PushResponse } from '@contact-desk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perform } from '../src/cli/admin-actions.js';
import { call, issueKey } from './api/api-client.js';
import { fingerprint } from './fuzz/record.js';
import { closeAll, createRequest, createRequestArgs, mutation, standardSetup, type Client, type Harness } from './harness.js';

let h: Harness;
let sender: Client;
let bystander: Client;

beforeAll(async () => {
  const setup = await standardSetup();
  h = setup.h;
  sender = await h.connect(setup.operator);
  bystander = await h.connect(setup.liaisonA);
});

afterAll(closeAll);

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** Sends a hostile push, checks the answer's size and that nothing changed, and that the relay still serves. */
async function answered(payload: unknown, bound: number): Promise<PushResponse> {
  const before = fingerprint(h);
  const answer = (await sender.socket.timeout(20_000).emitWithAck('push', payload)) as PushResponse;
  expect(bytes(answer)).toBeLessThan(bound);
  expect(fingerprint(h)).toEqual(before);
  const pulled = await bystander.pull(0, 10);
  expect(pulled.ok).toBe(true);
  return answer;
}

describe('bounded answers over the socket', () => {
  it('a 900 KB binary push, or binary inside a mutation: one short invalid_payload, nothing written', async () => {
    for (const payload of [Buffer.alloc(900_000, 7), { mutations: [mutation('request.create', Buffer.alloc(900_000, 7))] }]) {
      const answer = await answered(payload, 256);
      expect(answer).toEqual({
        ok: false,
        error: { code: 'invalid_payload', message: 'Binary data is not accepted: send JSON values only.' },
      });
    }
  });

  it('a huge array: at most 20 issues, the rest counted', async () => {
    // As many wrong items as a request may hold: one issue each.
    const answer = await answered(
      { mutations: [mutation('request.create', { ...createRequestArgs('alpha'), items: Array.from({ length: 500 }, () => 1) })] },
      ANSWER_BOUNDS.bytes,
    );
    const result = answer.ok ? answer.results[0] : undefined;
    if (result?.status !== 'rejected') throw new Error(JSON.stringify(answer));
    const issues = result.error.details?.issues as unknown[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.length).toBeLessThanOrEqual(ANSWER_BOUNDS.issues);
    expect(Number(result.error.details?.omitted) + issues.length).toBeGreaterThan(ANSWER_BOUNDS.issues);
  });

  it('long keys and deep nesting: paths and messages cut to their bound', async () => {
    let deep: unknown = { ['k'.repeat(50_000)]: 1 };
    for (let depth = 0; depth < 500; depth += 1) deep = { [`level-${depth}-${'n'.repeat(300)}`]: deep };
    const answer = await answered(
      { mutations: [mutation('request.create', { ...createRequestArgs('alpha'), ['x'.repeat(200_000)]: deep })] },
      ANSWER_BOUNDS.bytes,
    );
    const result = answer.ok ? answer.results[0] : undefined;
    if (result?.status !== 'rejected') throw new Error(JSON.stringify(answer));
    expect(result.error.message.length).toBeLessThanOrEqual(ANSWER_BOUNDS.textChars);
    for (const issue of result.error.details?.issues as { path: string; message: string }[]) {
      expect(issue.path.length).toBeLessThanOrEqual(ANSWER_BOUNDS.textChars);
      expect(issue.message.length).toBeLessThanOrEqual(ANSWER_BOUNDS.textChars);
    }
  });

  it('a hundred broken mutations share the push’s bound; each is still answered by its id', async () => {
    const broken = Array.from({ length: 100 }, () =>
      mutation('request.create', {
        platformId: 'alpha',
        ['k'.repeat(5_000)]: 1,
        items: Array.from({ length: 40 }, () => ({ x: 'y'.repeat(100) })),
      }),
    );
    const answer = await answered({ mutations: broken }, ANSWER_BOUNDS.pushBytes + 100 * 128);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.results.map((r) => r.mutationId)).toEqual(broken.map((m) => m.mutationId));
    expect(answer.results.every((r) => r.status === 'rejected' && r.error.code === 'invalid_payload')).toBe(true);
  });

  it('the relay goes on serving: a valid push after all of it is recorded', async () => {
    const { result } = await createRequest(sender, 'alpha');
    expect(result.status).toBe('accepted');
  });
});

describe('bounded answers of the REST API', () => {
  it('a body with a huge array and long keys: a 400 under the bound, nothing written', async () => {
    const args = createRequestArgs('alpha');
    await perform(h.core, 'request.create', args);
    const key = await issueKey(h.core, 'alpha', 'act');
    const before = fingerprint(h);
    const body = {
      items: Array.from({ length: 500 }, (_, i) => ({ itemId: `i${i}`, outcome: 'teleported' })),
      ['z'.repeat(100_000)]: true,
    };
    const reply = await call(h.relay.url, 'POST', `/api/v1/requests/${String(args.requestId)}/answer`, {
      key: key.key,
      idempotencyKey: newId(),
      body,
    });
    expect(reply.status).toBe(400);
    expect(Buffer.byteLength(reply.text)).toBeLessThan(ANSWER_BOUNDS.bytes);
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'invalid_payload', details: { omitted: expect.any(Number) } } });
    expect(fingerprint(h)).toEqual(before);
    const query = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`p${i}`, 'v'.repeat(20)]));
    const listed = await call(h.relay.url, 'GET', `/api/v1/requests?${new URLSearchParams(query).toString()}`, { key: key.key });
    expect(listed.status).toBe(400);
    expect(Buffer.byteLength(listed.text)).toBeLessThan(ANSWER_BOUNDS.bytes);
  });
});
