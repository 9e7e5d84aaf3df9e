import { createHash } from 'node:crypto';
import { minutesDocx, minutesMarkdown } from '@contact-desk/exports';
import { GENESIS_HASH, minutesContent, minutesHash, readState, type MeetingRecord, type MinutesVersion } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { contentVerifies, draftMinutes, minutesDocument } from '../../src/renderer/src/features/meetings/minutes-document';
import { HOUR, request, stateWith, T0 } from '../exports/record-fixtures';

const meeting = (id: string, startsAt: number): MeetingRecord => ({
  type: 'meeting',
  id,
  title: `Meeting ${id}`,
  kind: 'regular',
  startsAt,
  place: 'Beauvau',
  videoLink: null,
  invitedPlatformIds: ['meta'],
  attendance: { 'platform:meta': 'present', 'ministry:PHAROS': 'excused' },
  attendees: { 'platform:meta': ['Lina Meta'] },
  createdAt: 0,
  createdBy: 'u',
});

const older: MeetingRecord = {
  type: 'actionItem',
  id: 'a1',
  meetingId: 'm1',
  text: 'Still open',
  owner: { kind: 'platform', platformId: 'meta' },
  dueDate: null,
  status: 'open',
  createdAt: T0,
  updatedAt: T0,
};
const closedHere: MeetingRecord = {
  ...older,
  id: 'a2',
  text: 'Closed in m2',
  status: 'done',
  closedAt: T0 + 7 * 24 * HOUR + HOUR,
  closedInMeetingId: 'm2',
};
const closedLongAgo: MeetingRecord = { ...older, id: 'a3', text: 'Done long ago', status: 'done', closedAt: T0, closedInMeetingId: null };
const records = [meeting('m1', T0), meeting('m2', T0 + 7 * 24 * HOUR), older, closedHere, closedLongAgo];
const context = (now: number, lastSeq: number) => ({
  language: 'fr' as const,
  timeZone: 'Europe/Paris',
  lastSeq,
  headHash: 'ab'.repeat(32),
  now,
});

describe('minutes before adoption', () => {
  it('are a draft of the period since the previous meeting, with names, items carried forward and items closed in the meeting', () => {
    const state = stateWith([request('1', 'meta', T0 + HOUR, 40 * 60_000, 2 * HOUR)], records);
    const input = minutesDocument(state, 'm2', null, context(T0 + 8 * 24 * HOUR, 42));
    expect(input?.adoption).toBeUndefined();
    expect(input?.meta).toMatchObject({
      period: { from: T0, to: T0 + 7 * 24 * HOUR },
      lastSeq: 42,
      headHash: 'ab'.repeat(32),
      timeZone: 'Europe/Paris',
    });
    expect(input?.attendance).toEqual([
      { party: 'Meta', kind: 'platform', status: 'present', attendees: ['Lina Meta'] },
      { party: 'PHAROS', kind: 'ministry', status: 'excused', attendees: [] },
    ]);
    expect(input?.actionItems.map((item) => [item.text, item.status, item.closedAt])).toEqual([
      ['Still open', 'open', undefined],
      ['Closed in m2', 'done', T0 + 7 * 24 * HOUR + HOUR],
    ]);
    expect(input?.figures[0]).toMatchObject({ platformId: 'meta', counted: 1, late: 1, platformName: 'Meta' });
  });
});

describe('adopted minutes', () => {
  const adoptedState = () => {
    const base = stateWith([request('1', 'meta', T0 + HOUR, 40 * 60_000, 2 * HOUR)], records);
    const m2 = base.meetingRecords.get('m2');
    if (m2?.type !== 'meeting') throw new Error('fixture');
    const content = minutesContent(readState(base), m2, 'Claire Vautrin', T0 + 8 * 24 * HOUR, 77, GENESIS_HASH);
    const version: MinutesVersion = {
      type: 'minutes',
      id: 'm2/v1/meta',
      meetingId: 'm2',
      platformId: 'meta',
      version: 1,
      note: null,
      upToSeq: 77,
      upToHash: GENESIS_HASH,
      contentHash: minutesHash(content),
      content,
      adoptedAt: T0 + 8 * 24 * HOUR,
    };
    return stateWith([...base.requests.values()], [...records, version]);
  };

  it('are the adopted version, the same document from two devices of the audience at different times', async () => {
    const state = adoptedState();
    const early = minutesDocument(state, 'm2', 'meta', context(T0 + 9 * 24 * HOUR, 80))!;
    // Later, on another device that has applied more of the log, after the record changed.
    const later = minutesDocument({ ...state, requests: new Map() }, 'm2', 'meta', context(T0 + 40 * 24 * HOUR, 9_000))!;
    expect(early.adoption).toMatchObject({ version: 1, upToSeq: 77 });
    expect(early.meta).toMatchObject({ generatedAt: T0 + 8 * 24 * HOUR, lastSeq: 77 });
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(sha(await minutesMarkdown(later))).toBe(sha(await minutesMarkdown(early)));
    expect(sha(await minutesDocx(later))).toBe(sha(await minutesDocx(early)));
    // The ministry holds no ministry copy here: its document is still a draft.
    expect(minutesDocument(state, 'm2', null, context(T0 + 9 * 24 * HOUR, 80))?.adoption).toBeUndefined();
  }, 30_000);

  it('verify their content against the recorded hash, and a changed content does not', () => {
    const version = adoptedState().meetingRecords.get('m2/v1/meta') as MinutesVersion;
    expect(contentVerifies(version)).toBe(true);
    expect(contentVerifies({ ...version, content: { ...version.content, figures: [] } })).toBe(false);
  });

  it('a liaison’s draft holds only what their platform may see', () => {
    const state = stateWith([request('1', 'meta', T0 + HOUR, 40 * 60_000, 2 * HOUR)], records);
    const m2 = state.meetingRecords.get('m2');
    if (m2?.type !== 'meeting') throw new Error('fixture');
    const input = draftMinutes(state, { ...m2, invitedPlatformIds: ['meta', 'tiktok'] }, 'meta', context(T0 + 8 * 24 * HOUR, 1));
    expect(input.meta.platforms).toEqual(['Meta']);
  });
});
