/**
 * A relay with one connected user of every kind — the prefect, each ministry role, and a liaison
 * on each of two platforms — and recipes that bring a request of either platform into any status
 * through the real wire, as the people involved would.
 */
import type { DomainEvent, RequestStatus } from '@contact-desk/shared';
import { createRequest, Harness, waitFor, type Client, type EnrolledUser, type HarnessOptions } from '../harness.js';

export const PLATFORM_A = 'alpha';
export const PLATFORM_B = 'beta';

/** The people of the matrix, named by what they are. */
export const ACTORS = ['prefect', 'operator', 'observer', 'liaisonA', 'liaisonB'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface World {
  readonly h: Harness;
  readonly users: Record<ActorName, EnrolledUser>;
  readonly clients: Record<ActorName, Client>;
  /** The liaison's client for a platform. */
  liaisonOf(platformId: string): Client;
}

/** `options`: added to the relay's configuration, e.g. `{ config: { databaseUrl } }` to keep its record in PostgreSQL. */
export async function startWorld(options: HarnessOptions = {}): Promise<World> {
  const h = await Harness.start(undefined, undefined, options);
  await h.platform(PLATFORM_A, 'Alpha');
  await h.platform(PLATFORM_B, 'Beta');
  const users: Record<ActorName, EnrolledUser> = {
    prefect: await h.user('prefect'),
    operator: await h.user('operator'),
    observer: await h.user('observer'),
    liaisonA: await h.user('liaison', PLATFORM_A),
    liaisonB: await h.user('liaison', PLATFORM_B),
  };
  const clients = {} as Record<ActorName, Client>;
  for (const name of ACTORS) clients[name] = await h.connect(users[name]);
  return {
    h,
    users,
    clients,
    liaisonOf: (platformId) => (platformId === PLATFORM_A ? clients.liaisonA : clients.liaisonB),
  };
}

async function step(client: Client, type: Parameters<Client['act']>[0], args: Record<string, unknown>): Promise<void> {
  const result = await client.act(type, args);
  if (result.status !== 'accepted') throw new Error(`${type} rejected while preparing: ${result.error.code} ${result.error.message}`);
}

/** The statuses a recipe can reach; `reopened` is reached from a withdrawal, never acknowledged. */
export const REACHABLE_STATUSES: readonly RequestStatus[] = [
  'open',
  'acknowledged',
  'needs_info',
  'answered',
  'closed',
  'withdrawn',
  'contested',
  'reopened',
];

/** Creates a request on a platform and walks it to a status; returns its id once it is received. */
export async function requestIn(world: World, platformId: string, status: RequestStatus): Promise<string> {
  const { operator } = world.clients;
  const liaison = world.liaisonOf(platformId);
  const { requestId } = await createRequest(operator, platformId);
  // The liaison's connected device gets it live, and the relay records the receipt by itself.
  await waitFor(() => typeof world.h.core.view.requests.get(requestId)?.receivedAt === 'number', `receipt of ${requestId}`);
  const answer = { requestId, items: [{ itemId: `${requestId}/1`, outcome: 'removed' }] };
  switch (status) {
    case 'open':
      break;
    case 'acknowledged':
      await step(liaison, 'request.acknowledge', { requestId });
      break;
    case 'needs_info':
      await step(liaison, 'request.requestInfo', { requestId, question: 'Which account?' });
      break;
    case 'answered':
      await step(liaison, 'request.answer', answer);
      break;
    case 'closed':
      await step(liaison, 'request.answer', answer);
      await step(operator, 'request.close', { requestId, note: null });
      break;
    case 'withdrawn':
      await step(operator, 'request.withdraw', { requestId, reason: 'Sent by mistake.' });
      break;
    case 'contested':
      await step(liaison, 'request.contest', { requestId, reason: 'Lawful satire.' });
      break;
    case 'reopened':
      await step(operator, 'request.withdraw', { requestId, reason: 'Sent by mistake.' });
      await step(operator, 'request.reopen', { requestId, reason: 'It was right after all.' });
      break;
  }
  const reached = world.h.core.view.requests.get(requestId)?.status;
  if (reached !== status) throw new Error(`request reached ${reached}, not ${status}`);
  return requestId;
}

/** Every event a client can pull, page by page, and the log position the last page reached. */
export async function pullAll(client: Client): Promise<{ events: DomainEvent[]; upToSeq: number }> {
  const events: DomainEvent[] = [];
  let cursor = 0;
  for (;;) {
    const page = await client.pull(cursor, 1000);
    if (!page.ok) throw new Error(page.error.message);
    events.push(...page.events);
    cursor = page.upToSeq;
    if (!page.hasMore) return { events, upToSeq: page.upToSeq };
  }
}
