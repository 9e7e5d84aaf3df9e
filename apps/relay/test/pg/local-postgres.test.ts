/** The throwaway PostgreSQL server the tests run against: what it starts, what it leaves, what it says when it cannot. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { LocalPostgres } from '../../src/storage/pg/local-postgres.js';
import { findServerBinaries } from '../../src/storage/pg/server-binaries.js';

it('starts a server on 127.0.0.1 that keeps what it committed through a crash, and leaves nothing once stopped', async () => {
  const server = await LocalPostgres.start();
  try {
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(existsSync(join(server.binDir, 'initdb'))).toBe(true);
    const url = await server.createDatabase('kept');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE kept (n INTEGER); INSERT INTO kept VALUES (1)');
    await client.end();
    await server.kill();
    await expect(new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 }).connect()).rejects.toThrow();
    await server.restart();
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    expect((await again.query('SELECT n FROM kept')).rows).toEqual([{ n: 1 }]);
    await again.end();
  } finally {
    await server.stop();
  }
  expect(existsSync(server.dir)).toBe(false);
  expect(server.pid).toBeUndefined();
}, 60_000);

it('says what to install when the server programs are not where it is told to look', () => {
  expect(() => findServerBinaries({ CONTACT_DESK_PG_BIN: '/nonexistent' })).toThrow(
    /CONTACT_DESK_PG_BIN is \/nonexistent.*apt-get install postgresql/s,
  );
});
