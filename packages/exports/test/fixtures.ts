import type { ItemOutcome, Request, RequestStatus } from '@contact-desk/shared';
import type { ExportMeta, PlatformRef } from '../src/index.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** November 2026 in Paris (UTC+01:00): 1 Nov 00:00 to 1 Dec 00:00, end excluded. */
export const PERIOD = { from: Date.UTC(2026, 9, 31, 23), to: Date.UTC(2026, 10, 30, 23) };
/** Tuesday 3 November 2026, 14:05 in Paris. */
export const T = Date.UTC(2026, 10, 3, 13, 5);
export const NOW = Date.UTC(2026, 11, 1, 11, 0);

export const LONG_URL =
  'https://video.example.com/watch/channel/propaganda-2026/very-long-segment-name-without-spaces?v=AbCdEfGh0123456789&list=PLxyz-0123456789&t=42s';
export const PLATFORMS = new Map<string, PlatformRef>([
  ['p1', { name: 'Été «test»; Vidéo' }],
  ['p2', { name: 'Réseau "Social"' }],
]);

let counter = 0;

interface Spec {
  ref: string;
  platformId?: string;
  createdAt: number;
  ackAfter?: number;
  answerAfter?: number;
  status: RequestStatus;
  withdrawnAfter?: number;
  outcomes?: ItemOutcome[];
  locations?: string[];
  ackMinutes?: number;
  actionMinutes?: number;
}

/** A request as the reducer would hold it, with only what the exports read filled in. */
export function request(spec: Spec): Request {
  counter++;
  const locations = spec.locations ?? (spec.outcomes ?? ['removed']).map((_, i) => `https://example.com/c/${counter}/${i}`);
  return {
    id: `req-${counter}`,
    ref: spec.ref,
    platformId: spec.platformId ?? 'p1',
    kind: 'removal',
    sla: {
      label: 'P0',
      name: 'Urgence terroriste',
      ackMs: (spec.ackMinutes ?? 15) * MINUTE,
      actionMs: (spec.actionMinutes ?? 60) * MINUTE,
      policyVersion: 1,
    },
    category: 'terrorism_apology',
    grounds: 'art. 421-2-5',
    pharosRef: null,
    campaign: null,
    doNotInform: false,
    retentionUntil: null,
    items: locations.map((location, i) => {
      const outcome = spec.outcomes?.[i];
      return {
        id: `item-${counter}-${i}`,
        location,
        normalized: location,
        answer:
          outcome && spec.answerAfter !== undefined
            ? { outcome, reason: null, ground: null, at: spec.createdAt + spec.answerAfter, by: 'liaison' }
            : null,
      };
    }),
    status: spec.status,
    resumeStatus: null,
    createdAt: spec.createdAt,
    createdBy: 'operator',
    receivedAt: spec.createdAt,
    ackAt: spec.ackAfter === undefined ? null : spec.createdAt + spec.ackAfter,
    ackBy: spec.ackAfter === undefined ? null : 'liaison',
    ackClientTime: null,
    answeredAt: spec.answerAfter === undefined ? null : spec.createdAt + spec.answerAfter,
    answeredClientTime: null,
    closedAt: null,
    withdrawnAt: spec.withdrawnAfter === undefined ? null : spec.createdAt + spec.withdrawnAfter,
    contestedAt: null,
    pauses: [],
    missedAck: null,
    missedAction: null,
    escalationLevel: 0,
    updatedAt: spec.createdAt,
  };
}

/**
 * The golden fixture, P0 terms (ack 15 min, action 60 min, from receipt = creation), platform p1:
 * - R1 ack 5 min, answer 30 min: on time
 * - R2 ack 10 min, answer 50 min: on time
 * - R3 ack 20 min (5 min late), answer 40 min: late
 * - R4 ack 8 min, answer 90 min (30 min late): late
 * - R5 never acknowledged nor answered: late and unanswered
 * - R6 withdrawn after 3 min: left out of the ratios
 * - R0 created in October, late: outside the period
 * Platform p2: one request acknowledged in 2 h and answered in 5 h with P1 terms (1 h / 24 h).
 */
export function goldenRequests(): Request[] {
  return [
    request({
      ref: 'CD-2026-0001',
      createdAt: T,
      ackAfter: 5 * MINUTE,
      answerAfter: 30 * MINUTE,
      status: 'answered',
      outcomes: ['removed', 'removed'],
    }),
    request({
      ref: 'CD-2026-0002',
      createdAt: T + HOUR,
      ackAfter: 10 * MINUTE,
      answerAfter: 50 * MINUTE,
      status: 'answered',
      outcomes: ['removed'],
    }),
    request({
      ref: 'CD-2026-0003',
      createdAt: T + 2 * HOUR,
      ackAfter: 20 * MINUTE,
      answerAfter: 40 * MINUTE,
      status: 'answered',
      outcomes: ['removed', 'removed', 'refused'],
    }),
    request({
      ref: 'CD-2026-0004',
      createdAt: T + 3 * HOUR,
      ackAfter: 8 * MINUTE,
      answerAfter: 90 * MINUTE,
      status: 'answered',
      outcomes: ['geo_blocked'],
    }),
    request({ ref: 'CD-2026-0005', createdAt: T + 4 * HOUR, status: 'open', locations: [LONG_URL, '@compte_suspect'] }),
    request({ ref: 'CD-2026-0006', createdAt: T + 5 * HOUR, status: 'withdrawn', withdrawnAfter: 3 * MINUTE }),
    request({ ref: 'CD-2026-0000', createdAt: Date.UTC(2026, 9, 20), status: 'open' }),
    request({
      ref: 'CD-2026-0007',
      platformId: 'p2',
      createdAt: T + 6 * HOUR,
      ackAfter: 2 * HOUR,
      answerAfter: 5 * HOUR,
      status: 'answered',
      outcomes: ['removed'],
      ackMinutes: 60,
      actionMinutes: 24 * 60,
    }),
  ];
}

export function meta(overrides: Partial<ExportMeta> = {}): ExportMeta {
  return {
    title: 'Réponses en retard — novembre 2026',
    period: PERIOD,
    timeZone: 'Europe/Paris',
    generatedAt: Date.UTC(2026, 11, 1, 11, 0),
    lastSeq: 48213,
    headHash: 'b3f1c2d4e5',
    platforms: ['Été «test»; Vidéo'],
    language: 'fr',
    ...overrides,
  };
}
