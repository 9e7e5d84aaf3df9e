import type { MutationResult } from '@contact-desk/shared';
import { expect } from 'vitest';
import type { LoadDevice, WireMutation } from './load-device';

/** What a store holds after a load test, read from its tables (SQLite or PostgreSQL alike). */
export interface StoredRecord {
  /** Every event's seq and mutation id, in seq order. */
  readonly events: readonly { readonly seq: number; readonly mutation_id: string | null }[];
  /** Mutation answers stored for the devices (the CLI's own set-up left out). */
  readonly storedMutations: number;
  readonly requests: number;
  readonly comments: number;
  readonly closed: number;
}

export interface SeenAnswer {
  readonly device: LoadDevice;
  readonly result: MutationResult;
  readonly mutation: WireMutation;
}

/** What the devices were answered, each device drained: every mutation answered once, never two ways. */
export function answersOf(devices: readonly LoadDevice[]): Map<string, SeenAnswer> {
  const answers = new Map<string, SeenAnswer>();
  for (const device of devices) {
    expect(device.pending).toBe(0);
    expect(device.changedAnswers).toEqual([]);
    for (const [id, result] of device.answers) answers.set(id, { device, result, mutation: device.sent.get(id) as WireMutation });
    expect(device.answers.size).toBe(device.sent.size);
  }
  return answers;
}

/**
 * The store holds every accepted mutation once, under exactly the seqs its answer gave, nothing
 * refused and nothing nobody sent, in a log without a gap; its tables count what was accepted.
 */
export function expectRecordMatchesAnswers(answers: ReadonlyMap<string, SeenAnswer>, stored: StoredRecord, setupHead: number): void {
  const acceptedAnswers = [...answers.values()].filter(({ result }) => result.status === 'accepted');
  const rejectedAnswers = [...answers.values()].filter(({ result }) => result.status === 'rejected');
  const { events } = stored;
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
  const seqsById = new Map<string, number[]>();
  for (const event of events) {
    if (event.mutation_id === null || event.seq <= setupHead) continue;
    seqsById.set(event.mutation_id, [...(seqsById.get(event.mutation_id) ?? []), event.seq]);
  }
  const misplaced = acceptedAnswers.filter(
    ({ result }) => result.status === 'accepted' && JSON.stringify(seqsById.get(result.mutationId) ?? []) !== JSON.stringify(result.seqs),
  );
  expect(misplaced.map(({ result }) => result.mutationId)).toEqual([]);
  expect(rejectedAnswers.filter(({ result }) => seqsById.has(result.mutationId))).toEqual([]);
  expect([...seqsById.keys()].filter((id) => !answers.has(id))).toEqual([]);
  expect(stored.storedMutations).toBe(answers.size);
  const acceptedOf = (type: string) => acceptedAnswers.filter(({ mutation }) => mutation.type === type).length;
  expect(stored.requests).toBe(acceptedOf('request.create'));
  expect(stored.comments).toBe(acceptedOf('comment.add'));
  expect(stored.closed).toBe(acceptedOf('request.close'));
}

/** The counts `StoredRecord` needs, by one query each (`count` runs a query and returns its `n`). */
export const RECORD_COUNTS = {
  storedMutations: "SELECT COUNT(*) AS n FROM mutations WHERE user_id != 'relay-admin'",
  requests: 'SELECT COUNT(*) AS n FROM requests',
  comments: 'SELECT COUNT(*) AS n FROM comments',
  closed: "SELECT COUNT(*) AS n FROM requests WHERE status = 'closed'",
} as const;
