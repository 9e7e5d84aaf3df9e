/**
 * Demo-like data for the samples: six platforms with names as long as real ones, a month of
 * requests with mostly quick acknowledgements, answers from minutes to hours and a slow tail
 * of several days, some withdrawn, some never answered. Deterministic (a fixed seed).
 */
import { platformFigures, weeklyFigures, type Campaign, type ItemOutcome, type Request } from '@contact-desk/shared';
import type { CampaignReportInput, ExportMeta, FiguresInput, LateListInput, PlatformRef } from '../src/index.js';
import { campaignReportInput, lateResponseRows } from '../src/index.js';
import { HOUR, MINUTE, NOW, PERIOD, request } from '../test/fixtures.js';

export const SAMPLE_PLATFORMS = new Map<string, PlatformRef>([
  ['x', { name: 'X' }],
  ['meta', { name: 'Meta (Facebook, Instagram)' }],
  ['tiktok', { name: 'TikTok' }],
  ['youtube', { name: 'YouTube' }],
  ['ffai', { name: 'Fédération des fournisseurs d’accès à internet associatifs' }],
  ['snap', { name: 'Snapchat' }],
]);

/** Speed of each platform: typical ack and answer in minutes, share of slow answers. */
const PROFILE: Record<string, { ack: number; answer: number; slow: number }> = {
  x: { ack: 14, answer: 95, slow: 0.2 },
  meta: { ack: 6, answer: 40, slow: 0.05 },
  tiktok: { ack: 9, answer: 55, slow: 0.1 },
  youtube: { ack: 5, answer: 35, slow: 0.03 },
  ffai: { ack: 40, answer: 300, slow: 0.3 },
  snap: { ack: 11, answer: 70, slow: 0.08 },
};

export function sampleRequests(): Request[] {
  let seed = 20261101;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const requests: Request[] = [];
  let n = 0;
  for (const [platformId, profile] of Object.entries(PROFILE)) {
    for (let i = 0; i < 30; i++) {
      n++;
      const createdAt = PERIOD.from + Math.floor(random() * (PERIOD.to - PERIOD.from - 2 * HOUR));
      const ref = `CD-2026-${String(n).padStart(5, '0')}`;
      const roll = random();
      const ackAfter = Math.round(profile.ack * (0.3 + 2 * random()) * MINUTE);
      const answerAfter = Math.round(
        (random() < profile.slow ? (2 + 5 * random()) * 24 * 60 : profile.answer * (0.3 + 2 * random())) * MINUTE,
      );
      const locations = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        (_, k) => `https://${platformId}.example.com/content/${n}/${k}?share=${Math.floor(random() * 1e9)}`,
      );
      if (roll < 0.07) {
        requests.push(request({ ref, platformId, createdAt, status: 'withdrawn', withdrawnAfter: 3 * HOUR, locations }));
      } else if (roll < 0.12) {
        requests.push(request({ ref, platformId, createdAt, ackAfter, status: 'acknowledged', locations }));
      } else {
        const outcomes = locations.map((_, k): ItemOutcome => (k === 2 ? 'refused' : k === 1 ? 'geo_blocked' : 'removed'));
        requests.push(
          request({
            ref,
            platformId,
            createdAt,
            ackAfter,
            answerAfter: Math.max(answerAfter, ackAfter + MINUTE),
            status: 'answered',
            outcomes: [...outcomes],
            locations,
          }),
        );
      }
    }
  }
  return requests;
}

export function sampleMeta(language: 'fr' | 'en', title: string): ExportMeta {
  return {
    title,
    period: PERIOD,
    timeZone: 'Europe/Paris',
    generatedAt: NOW,
    lastSeq: 48213,
    headHash: '5c1e0d9a7b3f42e8a6d1c0b9f8e7d6c5b4a39281706f5e4d3c2b1a0918273645',
    platforms: [],
    language,
  };
}

export function sampleLateList(language: 'fr' | 'en'): LateListInput {
  const title = language === 'fr' ? 'Réponses en retard — novembre 2026' : 'Late responses — November 2026';
  return { rows: lateResponseRows(sampleRequests(), SAMPLE_PLATFORMS, PERIOD, NOW), meta: sampleMeta(language, title) };
}

export function sampleFigures(language: 'fr' | 'en'): FiguresInput {
  const requests = sampleRequests();
  return {
    figures: platformFigures(requests, PERIOD, NOW, true),
    weekly: weeklyFigures(requests, PERIOD, NOW, 'Europe/Paris').map((row) => ({
      week: row.week,
      platformId: row.platformId,
      medianAck: row.medianTimeToAck,
      medianAnswer: row.medianTimeToAnswer,
    })),
    platforms: SAMPLE_PLATFORMS,
    meta: sampleMeta(language, language === 'fr' ? 'Chiffres — novembre 2026' : 'Figures — November 2026'),
  };
}

/** The sample campaign: started on 26 November at 06:00 in Paris, P0 acknowledged in 10 min and answered in 45. */
export const SAMPLE_CAMPAIGN: Campaign = {
  id: 'campaign-rhone',
  name: 'Vague Rhône — revendications et appels à la violence',
  status: 'open',
  startedAt: Date.UTC(2026, 10, 26, 5),
  startedBy: 'operator',
  closedAt: null,
  closedBy: null,
  terms: [
    { label: 'P0', ackMinutes: 10, actionMinutes: 45 },
    { label: 'P1', ackMinutes: 30, actionMinutes: 240 },
  ],
  updatedAt: Date.UTC(2026, 10, 26, 5),
};

/** A request as the relay held it at `at`: an acknowledgement or an answer recorded later is not there yet. */
function asOf(r: Request, at: number): Request {
  const answered = r.answeredAt !== null && r.answeredAt <= at;
  const acknowledged = r.ackAt !== null && r.ackAt <= at;
  if (answered || r.answeredAt === null) return r;
  return {
    ...r,
    status: acknowledged ? 'acknowledged' : 'open',
    ackAt: acknowledged ? r.ackAt : null,
    ackBy: acknowledged ? r.ackBy : null,
    answeredAt: null,
    items: r.items.map((item) => ({ ...item, answer: null })),
  };
}

/**
 * The sample requests, those sent from the campaign's start on under it, on its tighter P0
 * terms, as the relay held them at the report's position (the month's samples hold answers
 * given in December).
 */
export function sampleCampaignRequests(): Request[] {
  const term = SAMPLE_CAMPAIGN.terms[0]!;
  return sampleRequests().map((r) =>
    r.createdAt < SAMPLE_CAMPAIGN.startedAt
      ? r
      : asOf(
          {
            ...r,
            campaignId: SAMPLE_CAMPAIGN.id,
            sla: { ...r.sla, ackMs: term.ackMinutes * MINUTE, actionMs: term.actionMinutes * MINUTE, campaignId: SAMPLE_CAMPAIGN.id },
          },
          NOW,
        ),
  );
}

export function sampleCampaign(language: 'fr' | 'en'): CampaignReportInput {
  const title = language === 'fr' ? 'Rapport de campagne — Vague Rhône' : 'Campaign report — Vague Rhône';
  const meta = { ...sampleMeta(language, title), period: { from: SAMPLE_CAMPAIGN.startedAt, to: NOW } };
  return campaignReportInput(sampleCampaignRequests(), SAMPLE_CAMPAIGN, SAMPLE_PLATFORMS, meta);
}
