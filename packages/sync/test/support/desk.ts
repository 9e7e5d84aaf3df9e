/** The shared package's in-memory relay (real decide and reducer), for the sync package's tests. */
export { createRequest, seeded, T0, uuid } from '../../../shared/test/fixtures.js';
import { parseMutation, type Mutation, type MutationInput, type MutationType } from '@contact-desk/shared';

/** A mutation as the app queues it (validated), made at `clientTime`. */
export function queued<T extends MutationType>(mutationId: string, type: T, args: MutationInput<T>, clientTime: number): Mutation {
  const parsed = parseMutation({ mutationId, type, args, clientTime });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
