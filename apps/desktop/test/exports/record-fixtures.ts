import { emptyState, type DomainState, type MeetingRecord, type Request } from '@contact-desk/shared';

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2026, 10, 2, 9); // Monday 2 November 2026

export function request(id: string, platformId: string, createdAt: number, ackAfter: number | null, answerAfter: number | null): Request {
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

export function stateWith(requests: Request[], records: MeetingRecord[] = []): DomainState {
  return {
    ...emptyState(),
    platforms: new Map([
      ['meta', { id: 'meta', name: 'Meta', kind: 'platform', backupLiaisonId: null, escalationContact: null, active: true, createdAt: 0 }],
    ]),
    requests: new Map(requests.map((r) => [r.id, r])),
    meetingRecords: new Map(records.map((r) => [r.id, r])),
  };
}
