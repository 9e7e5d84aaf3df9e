import {
  ALLOWED_FROM,
  mutationsFor,
  type DomainEvent,
  type Mutation,
  type MutationType,
  type Request,
  type RequestStep,
  type Role,
} from '@contact-desk/shared';
import type { Rejection } from '@contact-desk/sync';

export const STEP_MUTATIONS: Record<RequestStep, MutationType> = {
  acknowledge: 'request.acknowledge',
  requestInfo: 'request.requestInfo',
  provideInfo: 'request.provideInfo',
  answer: 'request.answer',
  contest: 'request.contest',
  edit: 'request.edit',
  withdraw: 'request.withdraw',
  close: 'request.close',
  reopen: 'request.reopen',
  escalate: 'request.escalate',
  assign: 'request.assign',
};

/**
 * The action bar's steps in display order: the platform's first, then the ministry's,
 * destructive ones last. Escalating and taking a request have panels of their own.
 */
const STEP_ORDER: readonly RequestStep[] = [
  'acknowledge',
  'answer',
  'requestInfo',
  'provideInfo',
  'edit',
  'close',
  'reopen',
  'contest',
  'withdraw',
];

export const DANGER_STEPS: readonly RequestStep[] = ['withdraw', 'contest'];

/** Steps the user may take now: allowed to the role AND by the state machine. */
export function availableSteps(role: Role | 'system' | undefined, request: Request): RequestStep[] {
  if (!role || role === 'system') return [];
  const allowed = mutationsFor(role);
  return STEP_ORDER.filter((step) => allowed.includes(STEP_MUTATIONS[step]) && ALLOWED_FROM[step].includes(request.status));
}

/** The key under `request:actionName` that names what a mutation does (`answer`, `comment_add`…). */
export function actionNameKey(type: string): string {
  return stepOf(type) ?? type.replace('.', '_');
}

/** The step a mutation type takes, or null for mutations that are not a step (comments). */
export function stepOf(type: string): RequestStep | null {
  const found = (Object.keys(STEP_MUTATIONS) as RequestStep[]).find((step) => STEP_MUTATIONS[step] === type);
  return found ?? null;
}

/**
 * Where an action the user made stands. `waiting`: on this device, not yet accepted by the relay
 * (it has no relay time yet: the relay times it when it arrives); `recorded`: the relay recorded
 * it, at its own time; `refused`: the relay (or the app, deciding the same way) refused it;
 * `none`: nothing to say (no action yet, or its refusal was dismissed).
 */
export type ActionOutcome =
  | { readonly state: 'none' }
  | { readonly state: 'waiting'; readonly type: string }
  | { readonly state: 'recorded'; readonly type: string; readonly at: number }
  | { readonly state: 'refused'; readonly rejection: Rejection };

/** The user's last action on a screen: the mutation's id and type. */
export interface TrackedAction {
  readonly mutationId: string;
  readonly type: string;
}

export function actionOutcome(
  action: TrackedAction | null,
  pending: readonly Pick<Mutation, 'mutationId'>[],
  rejections: readonly Rejection[],
  events: readonly DomainEvent[],
): ActionOutcome {
  if (action === null) return { state: 'none' };
  const { mutationId, type } = action;
  const rejection = rejections.find((candidate) => candidate.mutationId === mutationId);
  if (rejection) return { state: 'refused', rejection };
  const recorded = events.find((event) => event.mutationId === mutationId);
  if (recorded) return { state: 'recorded', type, at: recorded.serverTime };
  if (pending.some((mutation) => mutation.mutationId === mutationId)) return { state: 'waiting', type };
  return { state: 'none' };
}

/** The refusals to show on a request's screen: those attached to it, newest first. */
export function refusalsOf(requestId: string, rejections: readonly Rejection[]): Rejection[] {
  return rejections.filter((rejection) => rejection.requestId === requestId).sort((a, b) => b.at - a.at);
}

/** The user's mutations still waiting for the relay that concern this request, oldest first. */
export function pendingFor(requestId: string, pending: readonly Mutation[]): Mutation[] {
  return pending.filter((mutation) => (mutation.args as { requestId?: unknown }).requestId === requestId);
}
