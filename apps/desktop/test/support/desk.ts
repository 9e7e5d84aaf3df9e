/** The shared package's in-memory relay (real decide and reducer), for the app's model tests. */
export { createRequest, IDS, itemOf, MINUTE, seeded, T0, uuid, type Desk, type Seeded } from '../../../../packages/shared/test/fixtures';
/** Mutations as the app queues them, from the sync package's tests. */
export { queued } from '../../../../packages/sync/test/support/desk';
