/**
 * Why the store refused a write, in a few bounded words: what readiness reports and what the
 * commit failures are counted by. Read from the engines' own error codes (SQLite's `SQLITE_…`
 * names through better-sqlite3, PostgreSQL's SQLSTATE through node-postgres, Node's socket
 * errors), without importing either driver.
 */
export const STORE_FAULTS = ['read_only', 'full', 'busy', 'unreachable', 'timed_out', 'failed'] as const;
export type StoreFault = (typeof STORE_FAULTS)[number];

/** SQLSTATE classes and codes of PostgreSQL that name a fault of their own. */
const PG_FAULTS: Readonly<Record<string, StoreFault>> = {
  '25006': 'read_only', // read_only_sql_transaction
  '53100': 'full', // disk_full
  '55P03': 'busy', // lock_not_available (lock_timeout)
  '40P01': 'busy', // deadlock_detected
  '57014': 'timed_out', // query_canceled (statement_timeout)
  '53300': 'unreachable', // too_many_connections
  '57P01': 'unreachable', // admin_shutdown
  '57P02': 'unreachable', // crash_shutdown
  '57P03': 'unreachable', // cannot_connect_now
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function storeFault(error: unknown): StoreFault {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_')) return sqliteFault(code);
    const pg = PG_FAULTS[code];
    if (pg) return pg;
    if (code.startsWith('08')) return 'unreachable'; // connection_exception
    if (NETWORK_CODES.has(code)) return 'unreachable';
  }
  const text = typeof message === 'string' ? message : '';
  // better-sqlite3 once closed; node-postgres when the pool cannot connect in time or the server went away.
  if (
    /connection is not open|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      text,
    )
  ) {
    return 'unreachable';
  }
  return 'failed';
}

function sqliteFault(code: string): StoreFault {
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'unreachable';
  return 'failed';
}
