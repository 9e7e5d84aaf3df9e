import type { Request, RequestStatus } from '../domain/request.js';
import { refusal, type ProtocolError } from '../protocol/errors.js';

/** Steps of a request's life that depend on its status. */
export type RequestStep =
  'edit' | 'acknowledge' | 'requestInfo' | 'provideInfo' | 'answer' | 'contest' | 'withdraw' | 'close' | 'reopen' | 'escalate' | 'assign';

/** The state machine: from which statuses each step may be taken. */
export const ALLOWED_FROM: Record<RequestStep, readonly RequestStatus[]> = {
  edit: ['open', 'acknowledged', 'needs_info', 'reopened'],
  acknowledge: ['open'],
  requestInfo: ['open', 'acknowledged', 'reopened'],
  provideInfo: ['needs_info'],
  answer: ['open', 'acknowledged', 'reopened'],
  contest: ['open', 'acknowledged', 'needs_info', 'reopened'],
  withdraw: ['open', 'acknowledged', 'needs_info', 'contested', 'reopened'],
  close: ['answered', 'contested'],
  reopen: ['answered', 'closed', 'withdrawn', 'contested'],
  escalate: ['open', 'acknowledged', 'needs_info', 'reopened'],
  assign: ['open', 'acknowledged', 'needs_info', 'answered', 'contested', 'reopened'],
};

const STEP_WORDS: Record<RequestStep, string> = {
  edit: 'edit',
  acknowledge: 'acknowledge',
  requestInfo: 'ask for information on',
  provideInfo: 'provide information on',
  answer: 'answer',
  contest: 'contest',
  withdraw: 'withdraw',
  close: 'close',
  reopen: 'reopen',
  escalate: 'escalate',
  assign: 'assign',
};

/** Null when the step is allowed, else the typed rejection naming the current status. */
export function checkTransition(request: Request, step: RequestStep): ProtocolError | null {
  if (ALLOWED_FROM[step].includes(request.status)) return null;
  return refusal(
    'illegal_transition',
    'step_not_allowed',
    `Cannot ${STEP_WORDS[step]} ${request.ref}: it is ${request.status.replace('_', ' ')}.`,
    { requestId: request.id, ref: request.ref, status: request.status, step },
  );
}
