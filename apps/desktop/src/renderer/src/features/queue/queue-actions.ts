import {
  ALLOWED_FROM,
  answerArgs,
  mutationsFor,
  ownerOf,
  viewerSide,
  type MutationType,
  type PlannedItem,
  type Request,
  type RequestStep,
  type TriageViewer,
} from '@contact-desk/shared';
import { everyItem, type AnswerChoice } from './bulk-answer';

/**
 * What the queue lets a user do to a row or to several at once, as the relay would allow it:
 * the role's mutations (`mutationsFor`), the request's status (`ALLOWED_FROM`), and for a liaison
 * their own platform only. A liaison acknowledges and answers (one outcome for every item); the
 * ministry closes or withdraws; both take.
 */
export const BULK_ACTIONS = ['acknowledge', 'answer', 'close', 'withdraw'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export type RowAction = BulkAction | 'take';
/** What a report tells of: an action on rows, or an outcomes file applied. */
export type ReportAction = RowAction | 'import';

/** More than this at once is refused by the bar: the relay's burst limit is 2,000 mutations. */
export const MAX_BULK = 500;

const STEP: Readonly<Record<RowAction, RequestStep>> = {
  acknowledge: 'acknowledge',
  answer: 'answer',
  close: 'close',
  withdraw: 'withdraw',
  take: 'assign',
};
const MUTATION: Readonly<Record<RowAction, MutationType>> = {
  acknowledge: 'request.acknowledge',
  answer: 'request.answer',
  close: 'request.close',
  withdraw: 'request.withdraw',
  take: 'request.assign',
};

function roleMay(viewer: TriageViewer | null, action: RowAction): boolean {
  if (!viewer || viewer.role === 'system') return false;
  return mutationsFor(viewer.role).includes(MUTATION[action]);
}

/** The bulk actions the viewer's role has at all: the buttons of the bar. */
export function bulkActionsFor(viewer: TriageViewer | null): BulkAction[] {
  return BULK_ACTIONS.filter((action) => roleMay(viewer, action));
}

/** Whether the action may be taken on this request now, by this viewer. */
export function canApply(action: RowAction, request: Request, viewer: TriageViewer | null): boolean {
  if (!viewer || !roleMay(viewer, action) || !ALLOWED_FROM[STEP[action]].includes(request.status)) return false;
  if (viewer.role === 'liaison' && request.platformId !== viewer.platformId) return false;
  if (action === 'take') {
    const side = viewerSide(viewer);
    return side !== null && ownerOf(request, side) !== viewer.userId;
  }
  return true;
}

/** What an action on several rows is given once for all: a withdrawal's reason, the answer. */
export interface ActionInput {
  readonly reason?: string;
  readonly answer?: AnswerChoice;
}

/** One request's part of an action: its mutations, sent in order, and the item answers they give. */
export interface ActionJob {
  readonly request: Request;
  readonly type: MutationType;
  readonly calls: readonly Record<string, unknown>[];
  readonly answers?: readonly PlannedItem[];
}

/** A request's answer: one `request.answer` (one per 500 items for a longer request). */
export function answerJob(request: Request, answers: readonly PlannedItem[]): ActionJob {
  return { request, type: 'request.answer', calls: answerArgs(request.id, answers), answers };
}

/** The job of an action on a request; a withdrawal carries the one reason, an answer the one outcome, given for all. */
export function actionJob(action: RowAction, request: Request, viewer: TriageViewer, input: ActionInput = {}): ActionJob {
  const one = (args: Record<string, unknown>): ActionJob => ({
    request,
    type: MUTATION[action],
    calls: [{ requestId: request.id, ...args }],
  });
  switch (action) {
    case 'acknowledge':
      return one({});
    case 'answer':
      if (!input.answer) throw new Error('an answer needs its outcome');
      return answerJob(request, everyItem(request, input.answer));
    case 'close':
      return one({ note: null });
    case 'withdraw':
      return one({ reason: input.reason ?? '' });
    case 'take':
      return one({ assigneeId: viewer.userId });
  }
}

/** The selected requests split into those the action applies to and those it does not. */
export function splitEligible(
  action: RowAction,
  requests: readonly Request[],
  viewer: TriageViewer | null,
): { eligible: Request[]; ineligible: Request[] } {
  const eligible: Request[] = [];
  const ineligible: Request[] = [];
  for (const request of requests) (canApply(action, request, viewer) ? eligible : ineligible).push(request);
  return { eligible, ineligible };
}
