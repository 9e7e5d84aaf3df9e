import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLog, fileSink, logLine } from '../../src/main/log';
import { tempDirectory } from '../support/temp-directory';

describe('the main-process log', () => {
  const folder = tempDirectory('contact-desk-log-');

  it('writes one dated line per message, newlines folded', () => {
    expect(logLine('warn', 'updates: check failed:\n  net::ERR_TIMED_OUT', new Date(Date.UTC(2026, 4, 4, 9, 12)))).toBe(
      '2026-05-04T09:12:00.000Z warn updates: check failed: net::ERR_TIMED_OUT\n',
    );
  });

  it('appends to its file in a folder it makes, and starts a new file past its size', async () => {
    const file = join(folder(), 'logs', 'main.log');
    const log = createLog([fileSink(file)], () => new Date(Date.UTC(2026, 0, 1)));
    log.info('updates: off — a development run');
    log.error('updates: sha512 checksum mismatch');
    expect(await readFile(file, 'utf8')).toBe(
      '2026-01-01T00:00:00.000Z info updates: off — a development run\n2026-01-01T00:00:00.000Z error updates: sha512 checksum mismatch\n',
    );
    await writeFile(file, 'x'.repeat(2 * 1024 * 1024 + 1));
    createLog([fileSink(file)]).info('a new start');
    expect((await readFile(`${file}.1`, 'utf8')).length).toBe(2 * 1024 * 1024 + 1);
    expect(await readFile(file, 'utf8')).toMatch(/ info a new start\n$/);
  });

  it('costs a line, never the app, when the file cannot be written', () => {
    const log = createLog([fileSink(join(folder(), 'no-such', '\0bad', 'main.log'))]);
    expect(() => log.warn('still running')).not.toThrow();
  });
});
