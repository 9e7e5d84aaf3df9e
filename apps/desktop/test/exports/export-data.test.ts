import { emptyState, type DomainState, type MeetingRecord, type Request } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { minutesInput, previousMeeting, weeklyTrend } from '../../src/renderer/src/features/exports/export-data';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 9); // Monday 2 November 2026

function request(id: string, platformId: string, createdAt: number, ackAfter: number | null, answerAfter: number | null): Request {
  return {
    id,
    ref: `CD-2026-${id.padStart(6, '0')}`,
    platformId,
    kind: 'removal',
    sla: { label: 'P0', name: 'Urgence', ackMs: 15 * 60_000, actionMs: HOUR, policyVersion: 1 },
    category: 'terrorism_apology',
    grounds: 'g',
    pharosRef: null,
    campaign: null,
    doNotInform: false,
    retentionUntil: null,
    items: [],
    status: answerAfter === null ? 'acknowledged' : 'answered',
    resumeStatus: null,
    createdAt,
    createdBy: 'u',
    receivedAt: createdAt,
    ackAt: ackAfter === null ? null : createdAt + ackAfter,
    ackBy: null,
    ackClientTime: null,
    answeredAt: answerAfter === null ? null : createdAt + answerAfter,
    answeredClientTime: null,
    closedAt: null,
    withdrawnAt: null,
    contestedAt: null,
    pauses: [],
    missedAck: null,
    missedAction: null,
    escalationLevel: 0,
    updatedAt: createdAt,
  };
}

function stateWith(requests: Request[], records: MeetingRecord[] = []): DomainState {
  return {
    ...emptyState(),
    platforms: new Map([
      ['meta', { id: 'meta', name: 'Meta', kind: 'platform', backupLiaisonId: null, escalationContact: null, active: true, createdAt: 0 }],
    ]),
    requests: new Map(requests.map((r) => [r.id, r])),
    meetingRecords: new Map(records.map((r) => [r.id, r])),
  };
}

describe('weekly trend of the figures', () => {
  it('gives the median times per platform and week', () => {
    const trend = weeklyTrend(
      [request('1', 'meta', T0, 5 * 60_000, HOUR), request('2', 'meta', T0 + HOUR, 15 * 60_000, 3 * HOUR), request('3', 'meta', T0 + 7 * 24 * HOUR, null, null)],
      { from: T0, to: T0 + 14 * 24 * HOUR },
      T0 + 14 * 24 * HOUR,
      'Europe/Paris',
    );
    expect(trend).toEqual([
      { week: '2026-W45', platformId: 'meta', medianAck: 5 * 60_000, medianAnswer: HOUR },
      { week: '2026-W46', platformId: 'meta', medianAck: undefined, medianAnswer: undefined },
    ]);
  });
});

describe('minutes from the record', () => {
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
    createdAt: 0,
    createdBy: 'u',
  });

  it('covers the period since the previous meeting and carries open action items forward', () => {
    const older: MeetingRecord = { type: 'actionItem', id: 'a1', meetingId: 'm1', text: 'Still open', owner: { kind: 'platform', platformId: 'meta' }, dueDate: null, status: 'open', createdAt: T0, updatedAt: T0 };
    const closed: MeetingRecord = { ...older, id: 'a2', text: 'Done long ago', status: 'done' };
    const state = stateWith([request('1', 'meta', T0 + HOUR, 40 * 60_000, 2 * HOUR)], [meeting('m1', T0), meeting('m2', T0 + 7 * 24 * HOUR), older, closed]);
    const current = state.meetingRecords.get('m2');
    if (current?.type !== 'meeting') throw new Error('fixture');
    expect(previousMeeting(state, current)?.id).toBe('m1');
    const input = minutesInput(state, 'm2', 'Claire Vautrin', {
      language: 'fr',
      timeZone: 'Europe/Paris',
      lastSeq: 42,
      headHash: 'ab'.repeat(32),
      now: T0 + 8 * 24 * HOUR,
    });
    expect(input?.meta).toMatchObject({
      period: { from: T0, to: T0 + 7 * 24 * HOUR },
      lastSeq: 42,
      headHash: 'ab'.repeat(32),
      timeZone: 'Europe/Paris',
    });
    expect(input?.attendance).toEqual([
      { party: 'Meta', kind: 'platform', status: 'present' },
      { party: 'PHAROS', kind: 'ministry', status: 'excused' },
    ]);
    expect(input?.actionItems.map((item) => item.text)).toEqual(['Still open']);
    expect(input?.figures[0]).toMatchObject({ platformId: 'meta', counted: 1, late: 1, platformName: 'Meta' });
  });
});
