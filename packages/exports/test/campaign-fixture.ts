import type { Campaign, Request } from '@contact-desk/shared';
import type { ExportMeta } from '../src/index.js';
import { HOUR, meta, MINUTE, request, T } from './fixtures.js';

/** The campaign's tighter P0 terms: acknowledged within 10 min, answered within 45. */
export const CAMPAIGN: Campaign = {
  id: 'campaign-1',
  name: 'Vague « Rhône » — revendications',
  status: 'closed',
  startedAt: T - HOUR,
  startedBy: 'operator',
  closedAt: T + 10 * HOUR,
  closedBy: 'operator',
  terms: [{ label: 'P0', ackMinutes: 10, actionMinutes: 45 }],
  updatedAt: T + 10 * HOUR,
};
/** The log position's time: Tuesday 3 November 2026, 14:05 + 12 h in Paris. */
export const AT = T + 12 * HOUR;
export const HEAD_HASH = '0f9e8d7c6b5a49382716f5e4d3c2b1a00a1b2c3d4e5f60718293a4b5c6d7e8f9';

type Spec = Parameters<typeof request>[0];

/** A request sent under the campaign, on its tighter terms. */
function under(spec: Spec, campaignId = CAMPAIGN.id): Request {
  const sent = request(spec);
  return { ...sent, campaignId, sla: { ...sent.sla, ackMs: 10 * MINUTE, actionMs: 45 * MINUTE, campaignId } };
}

/**
 * Under the campaign, platform p1 (P0 at 10 min / 45 min):
 * - C1 ack 5 min, answer 30 min: on time
 * - C2 ack 12 min (2 min late against the campaign's 10), answer 40 min
 * - C3 ack 8 min, answer 50 min (5 min late against 45)
 * - C5 withdrawn after 3 min
 * platform p2: C4 never acknowledged (late, unanswered); C6 never received nor acknowledged.
 * Outside it: O1 late, on p1, sent under no campaign; O2 under another campaign.
 */
export function campaignRequests(): Request[] {
  return [
    under({ ref: 'CD-2026-0101', createdAt: T, ackAfter: 5 * MINUTE, answerAfter: 30 * MINUTE, status: 'answered', outcomes: ['removed'] }),
    under({
      ref: 'CD-2026-0102',
      createdAt: T + HOUR,
      ackAfter: 12 * MINUTE,
      answerAfter: 40 * MINUTE,
      status: 'answered',
      outcomes: ['removed', 'refused'],
    }),
    under({
      ref: 'CD-2026-0103',
      createdAt: T + 2 * HOUR,
      ackAfter: 8 * MINUTE,
      answerAfter: 50 * MINUTE,
      status: 'answered',
      outcomes: ['geo_blocked'],
    }),
    under({ ref: 'CD-2026-0104', platformId: 'p2', createdAt: T + 3 * HOUR, status: 'open' }),
    under({ ref: 'CD-2026-0105', createdAt: T + 4 * HOUR, status: 'withdrawn', withdrawnAfter: 3 * MINUTE }),
    { ...under({ ref: 'CD-2026-0106', platformId: 'p2', createdAt: T + 9 * HOUR, status: 'open' }), receivedAt: null },
    { ...request({ ref: 'CD-2026-0901', createdAt: T + HOUR, status: 'open' }), campaignId: null },
    under({ ref: 'CD-2026-0902', createdAt: T + HOUR, status: 'open' }, 'campaign-2'),
  ];
}

export function campaignMeta(overrides: Partial<ExportMeta> = {}): ExportMeta {
  return meta({
    title: 'Rapport de campagne — Vague Rhône',
    period: { from: CAMPAIGN.startedAt, to: AT },
    headHash: HEAD_HASH,
    platforms: [],
    ...overrides,
  });
}
