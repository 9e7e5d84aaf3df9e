import { z } from 'zod';
import { priorityLabelSchema, type PriorityPolicy, type SlaTerms } from './policy.js';

/**
 * A campaign: the ministry's name for a wave of requests about one event (an attack and the
 * propaganda that follows it). Its requests are followed together, and it may hold the platforms
 * to tighter terms than the agreed policy while it is open (e.g. P0 acknowledged in 10 minutes).
 */
export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaignNameSchema = z.string().trim().min(1).max(120);

/** The tighter terms of one priority during a campaign: never looser than the agreed policy. */
export const campaignTermSchema = z
  .object({
    label: priorityLabelSchema,
    ackMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30),
    actionMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 365),
  })
  .strict()
  .refine((term) => term.actionMinutes >= term.ackMinutes, {
    message: 'the action deadline cannot come before the acknowledgement deadline',
    path: ['actionMinutes'],
  });
export type CampaignTerm = z.infer<typeof campaignTermSchema>;

export const campaignTermsSchema = z
  .array(campaignTermSchema)
  .max(12)
  .refine((terms) => new Set(terms.map((term) => term.label)).size === terms.length, { message: 'a priority is listed twice' });

export interface Campaign {
  readonly id: string;
  readonly name: string;
  readonly status: CampaignStatus;
  /** Relay time the ministry started it. */
  readonly startedAt: number;
  readonly startedBy: string;
  readonly closedAt: number | null;
  readonly closedBy: string | null;
  /** Tighter terms by priority for the requests sent under it while open; empty: the policy's. */
  readonly terms: readonly CampaignTerm[];
  readonly updatedAt: number;
}

/** The first of `terms` looser than the policy (or of a priority it does not have), if any. */
export function looserTerm(
  terms: readonly CampaignTerm[],
  policy: PriorityPolicy,
): { readonly term: CampaignTerm; readonly known: boolean } | undefined {
  for (const term of terms) {
    const level = policy.levels.find((candidate) => candidate.label === term.label);
    if (!level) return { term, known: false };
    if (term.ackMinutes > level.ackMinutes || term.actionMinutes > level.actionMinutes) return { term, known: true };
  }
  return undefined;
}

/**
 * The terms a request sent under a campaign runs on: the policy's, each shortened to the
 * campaign's where it is tighter (never lengthened), marked with the campaign when it shortened.
 */
export function campaignSlaTerms(sla: SlaTerms, campaign: Campaign | undefined): SlaTerms {
  const term = campaign?.terms.find((candidate) => candidate.label === sla.label);
  if (!campaign || !term) return sla;
  const ackMs = Math.min(sla.ackMs, term.ackMinutes * 60_000);
  const actionMs = Math.min(sla.actionMs, term.actionMinutes * 60_000);
  return ackMs === sla.ackMs && actionMs === sla.actionMs ? sla : { ...sla, ackMs, actionMs, campaignId: campaign.id };
}
