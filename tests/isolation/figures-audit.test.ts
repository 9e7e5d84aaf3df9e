/**
 * `relay audit figures` prints the figures export's table, character for character: against a
 * real relay process and its data file, the app's own export inputs (`figuresInput`) written by
 * the figures Markdown export, and the relay's CLI run as a separate process on the same log
 * position, in both languages.
 */
import { figuresMarkdown } from '@contact-desk/exports';
import { dayOf, periodOfDays } from '@contact-desk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresInput } from '../../apps/desktop/src/renderer/src/features/exports/export-data';
import { relayCliOk } from '../support/relay-process';
import { requestArgs, startFixture, type Fixture } from '../sync/fixture';
import type { SyncClient } from '../sync/sync-client';

const ZONE = 'Europe/Paris';
const DAY = 86_400_000;

let fixture: Fixture;
let operator: SyncClient;
let at: number;

/** The rows of the Markdown table under the figures heading, cells trimmed. */
function markdownRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.replace(/\\\|/g, '|').trim()),
    );
}

/** The table the CLI printed: the lines after its two lines of context, columns two spaces apart. */
function printedRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .slice(2)
    .map((line) => line.split(/ {2,}/).map((cell) => cell.trim()));
}

beforeAll(async () => {
  fixture = await startFixture();
  operator = await fixture.client(fixture.codes.operator, 'operator laptop');
  const liaison = await fixture.client(fixture.codes.liaison, 'meta laptop');
  const ids: string[] = [];
  for (const platformId of ['meta', 'meta', 'meta', 'tiktok', 'tiktok']) {
    const args = requestArgs(platformId);
    await operator.act('request.create', args);
    ids.push(args.requestId);
  }
  await liaison.until(() => liaison.engine.state.requests.size === 3);
  await liaison.act('request.acknowledge', { requestId: ids[0] });
  await operator.until(() => [...operator.engine.state.requests.values()].some((request) => request.ackAt !== null));
  await operator.until(() => operator.engine.syncStatus.pending === 0);
  // Two days on: every request still owing a step is late.
  at = Math.max(...[...operator.engine.state.requests.values()].map((request) => request.createdAt)) + 2 * DAY;
}, 60_000);

afterAll(async () => {
  await fixture.close();
});

describe('relay audit figures', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`prints the rows of the figures export for the same log position (${language})`, async () => {
      const state = operator.engine.state;
      const first = dayOf(at - 3 * DAY, ZONE);
      const last = dayOf(at, ZONE);
      const context = { language, timeZone: ZONE, lastSeq: operator.engine.syncStatus.cursor, headHash: null, now: at };
      const input = figuresInput(state, 'Figures', periodOfDays(first, last, ZONE), [], context);
      const exported = markdownRows(new TextDecoder().decode(await figuresMarkdown(input)));
      // Header, alignment line, Meta, TikTok, all platforms: the check below can fail.
      expect(exported).toHaveLength(5);
      expect(exported[2]?.slice(0, 2)).toEqual(['Meta', '3']);

      const printed = await relayCliOk(fixture.relay.dataDir, [
        'audit',
        'figures',
        '--from',
        first,
        '--to',
        last,
        '--seq',
        String(context.lastSeq),
        '--at',
        String(at),
        '--zone',
        ZONE,
        '--lang',
        language,
      ]);
      expect(printed).toContain(`log up to seq ${context.lastSeq}`);
      expect(printedRows(printed)).toEqual([exported[0], ...exported.slice(2)]);
    });
  }
});
