import { EVENT_LOG } from './001-event-log.js';
import { PROJECTIONS } from './002-projections.js';
import { CREDENTIALS } from './003-credentials.js';
import { OUTBOX } from './004-outbox.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every step of the schema, in the order they apply. A new step goes at the end, with the next version. */
export const MIGRATIONS: readonly Migration[] = [EVENT_LOG, PROJECTIONS, CREDENTIALS, OUTBOX];

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;
