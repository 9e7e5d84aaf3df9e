import type { LogPosition, LoggedEvent, Viewer } from '@contact-desk/shared';
import type pg from 'pg';
import type {
  BuiltWrite,
  DeviceCredential,
  EnrollmentCodeRecord,
  NodeCoordination,
  Storage,
  StoredMutationResult,
  StoredSnapshot,
  TokenReplacement,
  WriteContext,
  WriteRequest,
} from '../storage.js';
import { migrate } from './migrate.js';
import { dedicatedClient, inTransaction, openPool, type PgConnectionOptions } from './pg-connections.js';
import * as credentials from './pg-credentials.js';
import * as log from './pg-event-log.js';
import { AdvisoryLeads } from './pg-leadership.js';
import { LogListener } from './pg-log-listener.js';
import { PgOutbox } from './pg-outbox.js';
import { probeWrite } from './pg-probe.js';
import { loadState } from './pg-projections.js';
import { writeUnderLock } from './pg-write.js';

export interface PgStorageOptions extends PgConnectionOptions {
  /** How often a held lead's session is checked (default 5 s; see `AdvisoryLeads`). */
  readonly leadCheckMs?: number;
}

/**
 * The relay's store in PostgreSQL, which several relay nodes may share: the same tables and
 * guarantees as SQLite's (one hash-chained log, gapless, each write atomic with its projections,
 * credentials and outbox rows), every write serialized across nodes by the log's write lock, and
 * `coordination` for what the nodes must agree on (who appended, who leads).
 */
export class PgStorage implements Storage {
  readonly engine = 'postgres';
  readonly coordination: NodeCoordination;
  private readonly outboxStore: PgOutbox;
  private readonly listener: LogListener;
  private readonly leadership: AdvisoryLeads;

  constructor(
    private readonly pool: pg.Pool,
    url: string,
    options: PgStorageOptions = {},
  ) {
    this.outboxStore = new PgOutbox(pool);
    this.listener = new LogListener(() => dedicatedClient(url, options), options.onConnectionError);
    this.leadership = new AdvisoryLeads(() => dedicatedClient(url, options), options.leadCheckMs);
    this.coordination = {
      onAppended: (listener) => this.listener.subscribe(listener),
      tryLead: (role, onLost) => this.leadership.tryLead(role, onLost),
      stepDown: (role) => this.leadership.stepDown(role),
    };
  }

  /** State, head and last relay time from one REPEATABLE READ snapshot: consistent with each other whatever other nodes commit. */
  snapshot(): Promise<StoredSnapshot> {
    return inTransaction(this.pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const head = await log.head(client);
      const state = await loadState(client, head.seq);
      const last = await client.query<{ server_time: number }>('SELECT server_time FROM events WHERE seq = $1', [head.seq]);
      return { state, head, lastServerTime: last.rows[0]?.server_time ?? 0 };
    });
  }

  head(): Promise<LogPosition> {
    return log.head(this.pool);
  }

  hashAt(seq: number): Promise<string | undefined> {
    return log.hashAt(this.pool, seq);
  }

  write<T>(request: WriteRequest, build: (context: WriteContext) => BuiltWrite<T>): Promise<T> {
    return writeUnderLock(this.pool, request, build);
  }

  async mutationResult(mutationId: string): Promise<StoredMutationResult | undefined> {
    return (await credentials.mutationResults(this.pool, [mutationId])).get(mutationId);
  }

  eventsAfter(viewer: Viewer, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
    return log.eventsAfter(this.pool, viewer, afterSeq, limit);
  }

  async enrollmentCode(codeHash: string): Promise<EnrollmentCodeRecord | undefined> {
    return (await credentials.enrollmentCodes(this.pool, [codeHash])).get(codeHash);
  }

  credential(tokenHash: string): Promise<DeviceCredential | undefined> {
    return credentials.credential(this.pool, tokenHash);
  }

  replaceDeviceToken(currentTokenHash: string, newTokenHash: string): Promise<TokenReplacement> {
    return credentials.replaceDeviceToken(this.pool, currentTokenHash, newTokenHash);
  }

  apiKeyHash(apiKeyId: string): Promise<string | undefined> {
    return credentials.apiKeyHash(this.pool, apiKeyId);
  }

  requestEvents(platformId: string, requestId: string, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
    return log.requestEvents(this.pool, platformId, requestId, afterSeq, limit);
  }

  outbox(): PgOutbox {
    return this.outboxStore;
  }

  probeWrite(timeoutMs: number): Promise<void> {
    return probeWrite(this.pool, timeoutMs);
  }

  /** Stops listening, gives up every lead (without `onLost`), and closes the pool once its queries are done. */
  async close(): Promise<void> {
    await Promise.all([this.listener.close(), this.leadership.close()]);
    if (!this.pool.ended) await this.pool.end();
  }
}

/**
 * Opens the relay's store in the PostgreSQL database at `url` (postgres://user@host:port/db):
 * brings its schema up to date first (see `migrate`), and fails — the pool closed — when the
 * database cannot be reached or has a newer schema than this relay knows (`SchemaTooNewError`).
 */
export async function openPgStorage(url: string, options: PgStorageOptions = {}): Promise<PgStorage> {
  const pool = openPool(url, options);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PgStorage(pool, url, options);
}
