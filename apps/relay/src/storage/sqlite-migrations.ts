import type Database from 'better-sqlite3';
import { GENESIS_HASH } from '@contact-desk/shared';
import { hashEvent } from '../audit/event-hash.js';
import { toEvent, type EventRow } from './event-row.js';
import { eventsTableSql, SCHEMA_SQL, SCHEMA_VERSION } from './sqlite-schema.js';

/**
 * Brings a data file to the current schema in one transaction. Version 1 files predate the hash
 * chain: their events are linked in seq order, as the relay would have linked them. Versions
 * before 4 predate the REST API (its key hashes, and the request hash of its mutations).
 * Versions before 6 predate the `platforms` audience: the log's table is built anew with it
 * allowed (SQLite cannot change a CHECK in place); every event keeps its row as it was. Version
 * 7 adds the campaigns' table, empty: no earlier log holds a campaign.
 */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`this data file has schema version ${version}; this relay knows up to ${SCHEMA_VERSION}`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version === 1) addHashChain(db);
    if (version >= 1 && version < 5) addRequestHash(db);
    if (version >= 1 && version < 6) allowPlatformsAudience(db);
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function addHashChain(db: Database.Database): void {
  db.exec(`ALTER TABLE events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
           ALTER TABLE events ADD COLUMN hash TEXT NOT NULL DEFAULT '';`);
  const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?');
  let prevHash = GENESIS_HASH;
  for (const row of db.prepare('SELECT * FROM events ORDER BY seq').all()) {
    const event = toEvent({ ...(row as EventRow), prev_hash: '', hash: '' });
    const hash = hashEvent(prevHash, event);
    update.run(prevHash, hash, event.seq);
    prevHash = hash;
  }
}

/** Files from before the REST API: their mutations table gains the request hash column. */
function addRequestHash(db: Database.Database): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all('mutations') as { name: string }[];
  if (!columns.some((column) => column.name === 'request_hash')) db.exec('ALTER TABLE mutations ADD COLUMN request_hash TEXT;');
}

/** Rebuilds the log's table with the `platforms` audience allowed, rows and seqs unchanged. */
function allowPlatformsAudience(db: Database.Database): void {
  const columns = 'seq, server_time, type, actor_id, actor, mutation_id, client_time, audience, platform_id, payload, prev_hash, hash';
  db.exec(`${eventsTableSql('events_v6')}
           INSERT INTO events_v6 (${columns}) SELECT ${columns} FROM events;
           DROP TABLE events;
           ALTER TABLE events_v6 RENAME TO events;`);
}
