import { z } from 'zod';
import type { SlaTerms } from './policy.js';

export const REQUEST_KINDS = ['removal', 'preservation', 'information', 'escalation', 'blocking', 'delisting'] as const;
export const requestKindSchema = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof requestKindSchema>;

/** Legal basis of a request. */
export const CATEGORIES = [
  'terrorism_apology',
  'terrorism_incitement',
  'terrorist_recruitment',
  'child_sexual_abuse',
  'hate',
  'threats',
  'other',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** What a platform did with one item. */
export const ITEM_OUTCOMES = [
  'removed',
  'geo_blocked',
  'account_suspended',
  'preserved',
  'information_supplied',
  'refused',
  'not_found',
  'cannot_execute',
] as const;
export const itemOutcomeSchema = z.enum(ITEM_OUTCOMES);
export type ItemOutcome = z.infer<typeof itemOutcomeSchema>;

/** Grounds for not executing an order (TCO Regulation, Annex III). */
export const CANNOT_EXECUTE_GROUNDS = ['force_majeure', 'technical_impossibility', 'manifest_error', 'insufficient_information'] as const;
export const cannotExecuteGroundSchema = z.enum(CANNOT_EXECUTE_GROUNDS);
export type CannotExecuteGround = z.infer<typeof cannotExecuteGroundSchema>;

export const REQUEST_STATUSES = ['open', 'acknowledged', 'needs_info', 'answered', 'contested', 'closed', 'withdrawn', 'reopened'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which the platform still owes a step. */
export const PENDING_STATUSES: readonly RequestStatus[] = ['open', 'acknowledged', 'needs_info', 'reopened'];

export interface ItemAnswer {
  readonly outcome: ItemOutcome;
  readonly reason: string | null;
  readonly ground: CannotExecuteGround | null;
  readonly at: number;
  readonly by: string;
}

export interface RequestItem {
  readonly id: string;
  /** What the ministry pasted: a URL, an account handle or a content id. */
  readonly location: string;
  /** Normalised form used to spot the same content requested twice. */
  readonly normalized: string;
  readonly answer: ItemAnswer | null;
}

/** A pause of the clock while the platform waits for the ministry's clarification. */
export interface ClockPause {
  readonly from: number;
  readonly to: number | null;
  readonly question: string;
}

export interface Request {
  readonly id: string;
  readonly ref: string;
  readonly platformId: string;
  readonly kind: RequestKind;
  readonly sla: SlaTerms;
  readonly category: Category;
  readonly grounds: string;
  readonly pharosRef: string | null;
  /** A campaign's name as typed before campaigns were records (kept as it was recorded). */
  readonly campaign: string | null;
  /** The campaign the request was sent under: absent on requests recorded before campaigns were records. */
  readonly campaignId?: string | null;
  /** The platform must not tell the uploader (TCO Annex I, section C). */
  readonly doNotInform: boolean;
  /** For preservation requests: the end of the retention period. */
  readonly retentionUntil: number | null;
  readonly items: readonly RequestItem[];
  readonly status: RequestStatus;
  /** Status to return to when the ministry provides the information asked for. */
  readonly resumeStatus: RequestStatus | null;
  readonly createdAt: number;
  readonly createdBy: string;
  /** Relay time at which a device of the platform first got the request. */
  readonly receivedAt: number | null;
  readonly ackAt: number | null;
  readonly ackBy: string | null;
  /** The liaison's own clock when they acknowledged (e.g. offline); never used for SLA. */
  readonly ackClientTime: number | null;
  readonly answeredAt: number | null;
  readonly answeredClientTime: number | null;
  readonly closedAt: number | null;
  readonly withdrawnAt: number | null;
  readonly contestedAt: number | null;
  readonly pauses: readonly ClockPause[];
  readonly missedAck: number | null;
  readonly missedAction: number | null;
  /** 0 none, 1 backup liaison, 2 platform manager contact, 3 prefect. */
  readonly escalationLevel: number;
  /**
   * Who handles the request on each side. Absent on requests recorded before owners existed:
   * read it through `ownerOf`.
   */
  readonly owners?: RequestOwners;
  readonly updatedAt: number;
}

/** The two sides of a request: the ministry that sent it and the platform that must act. */
export const REQUEST_SIDES = ['ministry', 'platform'] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

/** The user handling a request on each side; null while nobody has taken it. */
export type RequestOwners = Readonly<Record<RequestSide, string | null>>;

export const NO_OWNERS: RequestOwners = { ministry: null, platform: null };

/** The user handling a request on one side, or null. */
export function ownerOf(request: Request, side: RequestSide): string | null {
  return request.owners?.[side] ?? null;
}

export const ESCALATION_TARGETS = ['none', 'backup_liaison', 'platform_manager', 'prefect'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
export const MAX_ESCALATION_LEVEL = ESCALATION_TARGETS.length - 1;
