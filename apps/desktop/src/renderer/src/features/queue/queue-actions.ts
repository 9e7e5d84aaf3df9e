import {
  ALLOWED_FROM,
  mutationsFor,
  ownerOf,
  viewerSide,
  type MutationType,
  type Request,
  type ProtocolError,
  type RequestStep,
  type TriageViewer,
} from '@contact-desk/shared';

/**
 * What the queue lets a user do to a row or to several at once, as the relay would allow it:
 * the role's mutations (`mutationsFor`), the request's status (`ALLOWED_FROM`), and for a liaison
 * their own platform only. A liaison acknowledges; the ministry closes or withdraws; both take.
 */
export const BULK_ACTIONS = ['acknowledge', 'close', 'withdraw'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export type RowAction = BulkAction | 'take';

/** More than this at once is refused by the bar: the relay's burst limit is 2,000 mutations. */
export const MAX_BULK = 500;

const STEP: Readonly<Record<RowAction, RequestStep>> = { acknowledge: 'acknowledge', close: 'close', withdraw: 'withdraw', take: 'assign' };
const MUTATION: Readonly<Record<RowAction, MutationType>> = {
  acknowledge: 'request.acknowledge',
  close: 'request.close',
  withdraw: 'request.withdraw',
  take: 'request.assign',
};

function roleMay(viewer: TriageViewer | null, action: RowAction): boolean {
  if (!viewer || viewer.role === 'system') return false;
  return mutationsFor(viewer.role).includes(MUTATION[action]);
}

export function mutationOf(action: RowAction): MutationType {
  return MUTATION[action];
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

/** The mutation's arguments; a withdrawal carries the one reason given for all. */
export function actionArgs(action: RowAction, request: Request, viewer: TriageViewer, reason: string): Record<string, unknown> {
  switch (action) {
    case 'acknowledge':
      return { requestId: request.id };
    case 'close':
      return { requestId: request.id, note: null };
    case 'withdraw':
      return { requestId: request.id, reason };
    case 'take':
      return { requestId: request.id, assigneeId: viewer.userId };
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

/** Whether the state shows the action's effect: read on the confirmed state, once nothing is pending. */
export function showsEffect(action: RowAction, request: Request | undefined, viewer: TriageViewer): boolean {
  if (!request) return false;
  switch (action) {
    case 'acknowledge':
      return request.ackAt !== null;
    case 'close':
      return request.status === 'closed';
    case 'withdraw':
      return request.status === 'withdrawn';
    case 'take': {
      const side = viewerSide(viewer);
      return side !== null && ownerOf(request, side) === viewer.userId;
    }
  }
}

export interface SentAction {
  readonly requestId: string;
  readonly ref: string;
}

export interface RefusedAction {
  readonly ref: string;
  /** Why the device refused it, as the relay would word it (code, reason and parameters). */
  readonly error: ProtocolError;
}

/**
 * What became of one action on one or several rows: queued on the device (the relay's answer is
 * read later from the state), refused at once on the device, or not applicable to the request.
 */
export interface ActionReport {
  readonly serial: number;
  readonly action: RowAction;
  readonly asked: number;
  readonly sent: readonly SentAction[];
  readonly refused: readonly RefusedAction[];
  readonly skipped: readonly string[];
  readonly running: boolean;
}

/** Where the queued part of a report stands, read from the state (pending ids, confirmed requests). */
export interface ReportProgress {
  readonly waiting: readonly SentAction[];
  readonly recorded: readonly SentAction[];
  readonly rejected: readonly SentAction[];
}

/**
 * A queued action is recorded only once the relay accepted it: nothing pending on the request any
 * more, and the state shows the effect. Nothing pending and no effect: the relay refused it.
 */
export function reportProgress(
  report: ActionReport,
  pendingIds: ReadonlySet<string>,
  requests: ReadonlyMap<string, Request>,
  viewer: TriageViewer,
): ReportProgress {
  const waiting: SentAction[] = [];
  const recorded: SentAction[] = [];
  const rejected: SentAction[] = [];
  for (const sent of report.sent) {
    if (pendingIds.has(sent.requestId)) waiting.push(sent);
    else (showsEffect(report.action, requests.get(sent.requestId), viewer) ? recorded : rejected).push(sent);
  }
  return { waiting, recorded, rejected };
}
