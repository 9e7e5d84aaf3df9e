import Database from 'better-sqlite3';
import type { DomainState, LogPosition, LoggedEvent, Viewer } from '@contact-desk/shared';
import { mutationColumns } from './commit-rows.js';
import { SqliteEventLog } from './sqlite-event-log.js';
import { migrate } from './sqlite-migrations.js';
import { SqliteOutbox } from './sqlite-outbox.js';
import { SqliteProjections } from './sqlite-projections.js';
import type {
  BuiltWrite,
  CommitBatch,
  DeviceCredential,
  EnrollmentCodeRecord,
  Storage,
  StoredMutationResult,
  StoredSnapshot,
  TokenReplacement,
  WriteContext,
  WriteRequest,
} from './storage.js';

/** Thrown inside the probe's transaction so that better-sqlite3 rolls it back. */
const PROBE_ROLLBACK = Symbol('readiness probe rollback');

export interface SqliteOptions {
  /** `FULL` (default) survives power loss; `NORMAL` survives a process crash only. */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** Open an existing file for reading only (e.g. the CLI beside a running relay). */
  readonly readOnly?: boolean;
  /** How long a write waits for another connection's lock before failing (default 5 s). */
  readonly busyTimeoutMs?: number;
}

/**
 * The default storage: one SQLite file in WAL mode, written through better-sqlite3, by one relay
 * process (the data folder's lock). Its calls are synchronous underneath: the promises they
 * return are settled when they return, and the `…Now` forms serve the CLI and the tests.
 */
export class SqliteStorage implements Storage {
  readonly engine = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements;
  private readonly log: SqliteEventLog;
  private readonly projections: SqliteProjections;
  private outboxTables: SqliteOutbox | undefined;

  constructor(file: string, options: SqliteOptions = {}) {
    this.db = new Database(file, { readonly: options.readOnly ?? false, fileMustExist: options.readOnly ?? false });
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (!options.readOnly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      migrate(this.db);
    }
    const db = this.db;
    this.log = new SqliteEventLog(db);
    this.projections = new SqliteProjections(db);
    this.statements = {
      insertMutation: db.prepare(
        `INSERT INTO mutations (mutation_id, user_id, received_at, status, result, request_hash)
         VALUES (@mutation_id, @user_id, @received_at, @status, @result, @request_hash)`,
      ),
      mutation: db.prepare('SELECT user_id, result, request_hash FROM mutations WHERE mutation_id = ?'),
      insertApiKey: db.prepare('INSERT INTO api_keys (api_key_id, key_hash) VALUES (?, ?)'),
      apiKeyHash: db.prepare('SELECT key_hash FROM api_keys WHERE api_key_id = ?'),
      insertCode: db.prepare('INSERT INTO enrollment_codes (code_hash, user_id, expires_at) VALUES (?, ?, ?)'),
      useCode: db.prepare('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL'),
      code: db.prepare('SELECT user_id, expires_at, used_at FROM enrollment_codes WHERE code_hash = ?'),
      insertToken: db.prepare('INSERT INTO device_tokens (token_hash, device_id) VALUES (?, ?)'),
      replaceToken: db.prepare('UPDATE device_tokens SET token_hash = ? WHERE token_hash = ?'),
      // A cancelled code is marked as used at the time its successor was issued: both are refused alike.
      cancelOlderCodes: db.prepare('UPDATE enrollment_codes SET used_at = ? WHERE user_id = ? AND code_hash != ? AND used_at IS NULL'),
      // The readiness probe's scratch row, never committed (see `probeWrite`).
      probe: db.prepare("INSERT INTO meta (key, value) VALUES ('readiness-probe', zeroblob(?))"),
      credential: db.prepare(
        `SELECT d.doc AS device, u.doc AS user FROM device_tokens t
         JOIN devices d ON d.id = t.device_id JOIN users u ON u.id = d.user_id WHERE t.token_hash = ?`,
      ),
    };
  }

  async snapshot(): Promise<StoredSnapshot> {
    return this.db.transaction(() => {
      const head = this.log.head();
      const last = head.seq > 0 ? this.log.serverTimeAt(head.seq) : 0;
      return { state: this.loadStateNow(), head, lastServerTime: last };
    })();
  }

  /** The folded projections, read at once. */
  loadStateNow(): DomainState {
    return { ...this.projections.load(), lastSeq: this.log.head().seq };
  }

  async hashAt(seq: number): Promise<string | undefined> {
    return this.log.hashAt(seq);
  }

  async head(): Promise<LogPosition> {
    return this.log.head();
  }

  /**
   * One process writes this file, so the write lock is the transaction itself and nothing was
   * missed; `build` runs inside it and its batch is written before COMMIT.
   */
  async write<T>(request: WriteRequest, build: (context: WriteContext) => BuiltWrite<T>): Promise<T> {
    return this.db.transaction(() => {
      const head = this.log.head();
      const missed = head.seq > request.knownSeq ? this.log.eventsAfterAll(request.knownSeq, head.seq - request.knownSeq) : [];
      const mutationResults = new Map<string, StoredMutationResult>();
      for (const id of request.mutationIds) {
        const stored = this.mutationResultNow(id);
        if (stored) mutationResults.set(id, stored);
      }
      const enrollmentCodes = new Map<string, EnrollmentCodeRecord>();
      for (const codeHash of request.enrollmentCodeHashes) {
        const code = this.enrollmentCodeNow(codeHash);
        if (code) enrollmentCodes.set(codeHash, code);
      }
      const built = build({ head, missed, mutationResults, enrollmentCodes });
      if (built.batch) this.writeBatch(built.batch, head);
      return built.value;
    })();
  }

  /** Writes a whole batch in one transaction, at once; throws (and writes nothing) on failure. */
  commitNow(batch: CommitBatch): void {
    this.db.transaction(() => this.writeBatch(batch, this.log.head()))();
  }

  /** A batch's rows, inside the caller's transaction (one per group commit, no nested savepoint). */
  private writeBatch(batch: CommitBatch, head: LogPosition): void {
    const first = batch.events[0];
    if (first && (first.seq !== head.seq + 1 || first.prevHash !== head.hash)) {
      throw new Error(`batch starts at seq ${first.seq}, the log's head is ${head.seq}`);
    }
    for (const event of batch.events) this.log.insert(event);
    this.projections.write(batch.writes);
    for (const [mutationId, stored] of batch.mutationResults) {
      this.statements.insertMutation.run(mutationColumns(mutationId, stored));
    }
    for (const key of batch.apiKeys) this.statements.insertApiKey.run(key.apiKeyId, key.keyHash);
    for (const code of batch.enrollmentCodes) this.statements.insertCode.run(code.codeHash, code.userId, code.expiresAt);
    for (const used of batch.usedEnrollmentCodes) {
      const changed = this.statements.useCode.run(used.usedAt, used.codeHash).changes;
      if (changed !== 1) throw new Error('enrollment code already used');
    }
    for (const token of batch.deviceTokens) this.statements.insertToken.run(token.tokenHash, token.deviceId);
    this.cancelSupersededCodes(batch);
    if (batch.outbox) this.outbox().write(batch.outbox);
  }

  /** The outbox's deliveries and sealed webhook secrets (prepared on first use). */
  outbox(): SqliteOutbox {
    this.outboxTables ??= new SqliteOutbox(this.db);
    return this.outboxTables;
  }

  /**
   * Issuing a code to a user cancels their older unused ones, so only the last code handed out
   * works. Runs after the batch's enrollments: a code spent earlier in the same batch stays spent.
   */
  private cancelSupersededCodes(batch: CommitBatch): void {
    if (batch.enrollmentCodes.length === 0) return;
    const issuedAt = batch.events[0]?.serverTime ?? 0;
    const latest = new Map(batch.enrollmentCodes.map((code) => [code.userId, code.codeHash]));
    for (const [userId, codeHash] of latest) this.statements.cancelOlderCodes.run(issuedAt, userId, codeHash);
  }

  /** Swaps a device's token hash for a new one in one statement (see `Storage.replaceDeviceToken`). */
  async replaceDeviceToken(currentTokenHash: string, newTokenHash: string): Promise<TokenReplacement> {
    // `token_hash` is the primary key: a hash already stored (the device's own current one, or
    // any other device's) fails the UPDATE as a whole, so nothing changes. Setting a hash to
    // itself would not fail, hence the first check.
    if (newTokenHash === currentTokenHash) return 'in_use';
    try {
      return this.statements.replaceToken.run(newTokenHash, currentTokenHash).changes === 1 ? 'replaced' : 'not_found';
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'in_use';
      throw error;
    }
  }

  async mutationResult(mutationId: string): Promise<StoredMutationResult | undefined> {
    return this.mutationResultNow(mutationId);
  }

  private mutationResultNow(mutationId: string): StoredMutationResult | undefined {
    const row = this.statements.mutation.get(mutationId) as { user_id: string; result: string; request_hash: string | null } | undefined;
    return row ? { userId: row.user_id, result: JSON.parse(row.result), requestHash: row.request_hash } : undefined;
  }

  async apiKeyHash(apiKeyId: string): Promise<string | undefined> {
    return (this.statements.apiKeyHash.get(apiKeyId) as { key_hash: string } | undefined)?.key_hash;
  }

  async requestEvents(platformId: string, requestId: string, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
    return this.log.requestEvents(platformId, requestId, afterSeq, limit);
  }

  async eventsAfter(viewer: Viewer, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
    return this.log.eventsAfter(viewer, afterSeq, limit);
  }

  /** A viewer's page, read at once (the audit tools fold the whole log this way). */
  eventsAfterNow(viewer: Viewer, afterSeq: number, limit: number): LoggedEvent[] {
    return this.log.eventsAfter(viewer, afterSeq, limit);
  }

  async enrollmentCode(codeHash: string): Promise<EnrollmentCodeRecord | undefined> {
    return this.enrollmentCodeNow(codeHash);
  }

  private enrollmentCodeNow(codeHash: string): EnrollmentCodeRecord | undefined {
    const row = this.statements.code.get(codeHash) as { user_id: string; expires_at: number; used_at: number | null } | undefined;
    return row ? { userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at } : undefined;
  }

  async credential(tokenHash: string): Promise<DeviceCredential | undefined> {
    const row = this.statements.credential.get(tokenHash) as { device: string; user: string } | undefined;
    return row ? { device: JSON.parse(row.device), user: JSON.parse(row.user) } : undefined;
  }

  /**
   * `Storage.probeWrite` on SQLite: BEGIN IMMEDIATE (the write lock, without waiting for it), a
   * scratch row of one page in `meta` (a page must be found for it, so a file at its size cap
   * refuses it as a commit would), then ROLLBACK: nothing reaches the file.
   */
  async probeWrite(): Promise<void> {
    const busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      this.db
        .transaction(() => {
          this.statements.probe.run(pageSize);
          throw PROBE_ROLLBACK;
        })
        .immediate();
    } catch (error) {
      if (error !== PROBE_ROLLBACK) throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }

  /**
   * Runs a PRAGMA on this connection, e.g. `query_only = 1` to freeze the file during maintenance
   * (every change is then refused with `storage_unavailable`) or `max_page_count` to cap its size.
   */
  pragma(statement: string): unknown {
    return this.db.pragma(statement);
  }

  async close(): Promise<void> {
    this.closeNow();
  }

  closeNow(): void {
    if (this.db.open) this.db.close();
  }
}
