/**
 * A relay for the REST API tests: the ministry's operator and prefect connected over sockets,
 * platforms alpha and beta with a liaison each (not connected unless a test connects them), and
 * an API key of each scope on each platform.
 */
import { newId, type DomainEvent } from '@contact-desk/shared';
import { expect } from 'vitest';
import { createRequest, standardSetup, type Client, type EnrolledUser, type Harness } from '../harness.js';
import { call, issueKey, type ApiReply, type CallOptions, type IssuedKey } from './api-client.js';

export interface ApiWorld {
  readonly h: Harness;
  readonly operator: Client;
  readonly prefect: Client;
  readonly liaisonA: EnrolledUser;
  readonly liaisonB: EnrolledUser;
  readonly keys: { readonly alphaAct: IssuedKey; readonly alphaRead: IssuedKey; readonly betaAct: IssuedKey; readonly betaRead: IssuedKey };
  api(method: string, path: string, options?: CallOptions): Promise<ApiReply>;
  /** POST to a write route of a request with a fresh Idempotency-Key unless one is given. */
  write(key: IssuedKey, requestId: string, action: string, body?: unknown, idempotencyKey?: string): Promise<ApiReply>;
  request(platformId: string, overrides?: Record<string, unknown>): Promise<string>;
}

export async function apiWorld(): Promise<ApiWorld> {
  const { h, operator, liaisonA, liaisonB } = await standardSetup();
  const prefectUser = await h.user('prefect');
  const operatorClient = await h.connect(operator);
  const prefect = await h.connect(prefectUser);
  const keys = {
    alphaAct: await issueKey(h.core, 'alpha', 'act', 'Alpha case tool'),
    alphaRead: await issueKey(h.core, 'alpha', 'read', 'Alpha dashboard'),
    betaAct: await issueKey(h.core, 'beta', 'act', 'Beta case tool'),
    betaRead: await issueKey(h.core, 'beta', 'read', 'Beta dashboard'),
  };
  const api = (method: string, path: string, options: CallOptions = {}) => call(h.relay.url, method, path, options);
  return {
    h,
    operator: operatorClient,
    prefect,
    liaisonA,
    liaisonB,
    keys,
    api,
    write: (key, requestId, action, body, idempotencyKey = newId()) =>
      api('POST', `/api/v1/requests/${requestId}/${action}`, { key: key.key, body, idempotencyKey }),
    request: async (platformId, overrides = {}) => (await createRequest(operatorClient, platformId, overrides)).requestId,
  };
}

/** The actor an API key's changes are recorded under. */
export function keyActor(key: IssuedKey): DomainEvent['actor'] {
  return { userId: `apikey:${key.id}`, name: key.name, role: 'liaison', platformId: key.platformId, deviceId: null };
}

/** The body of an accepted write; fails the test with the answer otherwise. */
export function acceptedSeqs(reply: ApiReply, context = 'write'): number[] {
  expect(reply.status, `${context}: ${reply.text}`).toBe(200);
  return reply.json<{ seqs: number[] }>().seqs;
}
