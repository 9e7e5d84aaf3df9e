/**
 * The ids a liaison chooses — a comment's id, a mutation's id, and through the REST API the
 * Idempotency-Key (the comment's and the change's id) — get one answer when they cannot be used,
 * whoever holds them: the answer for an id held on another platform is word for word the one
 * for an id held on the liaison's own platform. Each refusal records nothing.
 */
import { newId, type MutationResult } from '@contact-desk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, issueKey, type IssuedKey } from './api/api-client.js';
import { fingerprint } from './fuzz/record.js';
import { closeAll, createRequest, mutation, standardSetup, type Client, type Harness } from './harness.js';

let h: Harness;
let operator: Client;
let liaisonA: Client;
let colleagueA: Client;
let liaisonB: Client;
let requestA: string;
let requestB: string;

beforeAll(async () => {
  const setup = await standardSetup();
  h = setup.h;
  operator = await h.connect(setup.operator);
  liaisonA = await h.connect(setup.liaisonA);
  colleagueA = await h.connect(await h.user('liaison', 'alpha'));
  liaisonB = await h.connect(setup.liaisonB);
  requestA = (await createRequest(operator, 'alpha')).requestId;
  requestB = (await createRequest(operator, 'beta')).requestId;
});

afterAll(closeAll);

async function accepted(result: Promise<MutationResult>): Promise<void> {
  expect((await result).status).toBe('accepted');
}

/** The answer, with the id itself taken out: what it says about the id's holder. */
function words(answer: unknown, id: string): string {
  return JSON.stringify(answer).replaceAll(id, '<id>');
}

/** Liaison A's answer for an id, checked to change nothing. */
async function tryAsA(send: () => Promise<unknown>): Promise<unknown> {
  const before = fingerprint(h);
  const answer = await send();
  expect(fingerprint(h)).toEqual(before);
  return answer;
}

describe('an id a liaison chooses, already held', () => {
  it('comment id: one answer whether it is on another platform’s request, a ministry-only note, or the liaison’s own comment', async () => {
    const [elsewhere, ministryNote, own] = [newId(), newId(), newId()];
    await accepted(liaisonB.act('comment.add', { commentId: elsewhere, requestId: requestB, body: 'Beta’s note.' }));
    await accepted(
      operator.act('comment.add', { commentId: ministryNote, requestId: requestA, body: 'Between us.', visibility: 'ministry' }),
    );
    await accepted(colleagueA.act('comment.add', { commentId: own, requestId: requestA, body: 'Ours.' }));
    const answers = new Map<string, string>();
    for (const id of [elsewhere, ministryNote, own]) {
      const answer = await tryAsA(() => liaisonA.act('comment.add', { commentId: id, requestId: requestA, body: 'Probe.' }));
      expect(answer).toMatchObject({
        status: 'rejected',
        error: { code: 'conflict', details: { reason: 'id_unavailable', what: 'comment' } },
      });
      expect(JSON.stringify(answer)).not.toMatch(/exist|beta|Beta|ministry/);
      answers.set(id, words((answer as { error: unknown }).error, id));
    }
    expect(new Set(answers.values()).size).toBe(1);
  });

  it('mutation id: one answer whether another platform’s liaison or a colleague used it', async () => {
    const elsewhere = mutation('comment.add', { commentId: newId(), requestId: requestB, body: 'Beta.' });
    const colleague = mutation('comment.add', { commentId: newId(), requestId: requestA, body: 'Colleague.' });
    await accepted(liaisonB.send(elsewhere));
    await accepted(colleagueA.send(colleague));
    const answers = [];
    for (const used of [elsewhere, colleague]) {
      const answer = await tryAsA(() =>
        liaisonA.send({ ...mutation('request.acknowledge', { requestId: requestA }), mutationId: used.mutationId }),
      );
      expect(answer).toMatchObject({ status: 'rejected', error: { code: 'mutation_id_reused' } });
      answers.push(words(answer, used.mutationId));
    }
    expect(answers[0]).toBe(answers[1]);
  });

  it('REST Idempotency-Key: one answer whether another platform or the platform’s own people hold it, as a comment’s id or a change’s id', async () => {
    const keyA: IssuedKey = await issueKey(h.core, 'alpha', 'act');
    const keyB: IssuedKey = await issueKey(h.core, 'beta', 'act');
    const comment = (key: IssuedKey, requestId: string, idempotencyKey: string) =>
      call(h.relay.url, 'POST', `/api/v1/requests/${requestId}/comments`, {
        key: key.key,
        idempotencyKey,
        body: { body: 'From the tool.' },
      });
    const reply = async (send: () => ReturnType<typeof call>, id: string) => {
      const answer = (await tryAsA(send)) as Awaited<ReturnType<typeof call>>;
      return `${answer.status} ${words(answer.json(), id)}`;
    };
    // Held as a comment's id, by a comment of platform B and by one of platform A's liaison.
    const [commentB, commentA] = [newId(), newId()];
    await accepted(liaisonB.act('comment.add', { commentId: commentB, requestId: requestB, body: 'B.' }));
    await accepted(colleagueA.act('comment.add', { commentId: commentA, requestId: requestA, body: 'A.' }));
    const asComment = [
      await reply(() => comment(keyA, requestA, commentB), commentB),
      await reply(() => comment(keyA, requestA, commentA), commentA),
    ];
    expect(asComment[0]).toMatch(/^409 /);
    expect(asComment[0]).toBe(asComment[1]);
    // Held as a change's id, by platform B's tool and by platform A's liaison.
    const [changeB, changeA] = [newId(), newId()];
    expect((await comment(keyB, requestB, changeB)).status).toBe(200);
    await accepted(
      colleagueA.send({ ...mutation('comment.add', { commentId: newId(), requestId: requestA, body: 'A.' }), mutationId: changeA }),
    );
    const asChange = [
      await reply(() => comment(keyA, requestA, changeB), changeB),
      await reply(() => comment(keyA, requestA, changeA), changeA),
    ];
    expect(asChange[0]).toMatch(/^422 /);
    expect(asChange[0]).toBe(asChange[1]);
  });
});
