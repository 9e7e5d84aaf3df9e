import { z } from 'zod';

export const priorityLabelSchema = z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, 'must be a short label such as P0');

export const priorityLevelSchema = z
  .object({
    label: priorityLabelSchema,
    name: z.string().trim().min(1).max(80),
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
  .refine((level) => level.actionMinutes >= level.ackMinutes, {
    message: 'the action deadline cannot come before the acknowledgement deadline',
    path: ['actionMinutes'],
  });
export type PriorityLevel = z.infer<typeof priorityLevelSchema>;

export const priorityLevelsSchema = z
  .array(priorityLevelSchema)
  .min(1)
  .max(12)
  .refine((levels) => new Set(levels.map((level) => level.label)).size === levels.length, {
    message: 'priority labels must be unique',
  });

/** The priority policy agreed in the contact group. Changes apply to new requests only. */
export interface PriorityPolicy {
  readonly version: number;
  readonly levels: readonly PriorityLevel[];
  readonly updatedAt: number;
}

/** P0: terrorist emergency (TCO one-hour rule); P1: urgent; P2: standard (French 24 h delay).
 * Names are the contact group's own words (French); the prefect can change them. */
export const DEFAULT_POLICY: PriorityPolicy = {
  version: 1,
  updatedAt: 0,
  levels: [
    { label: 'P0', name: 'Urgence terroriste', ackMinutes: 15, actionMinutes: 60 },
    { label: 'P1', name: 'Urgent', ackMinutes: 60, actionMinutes: 240 },
    { label: 'P2', name: 'Standard', ackMinutes: 240, actionMinutes: 1440 },
  ],
};

/** The policy in force when a request was created, copied onto it. */
export interface SlaTerms {
  readonly label: string;
  readonly name: string;
  readonly ackMs: number;
  readonly actionMs: number;
  readonly policyVersion: number;
  /** The campaign whose tighter terms shortened these (absent: the policy's own terms). */
  readonly campaignId?: string;
}

export function slaTermsFor(policy: PriorityPolicy, label: string): SlaTerms | undefined {
  const level = policy.levels.find((candidate) => candidate.label === label);
  if (!level) return undefined;
  return {
    label: level.label,
    name: level.name,
    ackMs: level.ackMinutes * 60_000,
    actionMs: level.actionMinutes * 60_000,
    policyVersion: policy.version,
  };
}
