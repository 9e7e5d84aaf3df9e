import { ownerOf, viewerSide, type PlannedItem, type ProtocolError, type Request, type TriageViewer } from '@contact-desk/shared';
import { showsAnswers } from './bulk-answer';
import type { ReportAction } from './queue-actions';

/**
 * What became of an action on rows, told as the relay answers: queued on the device, refused at
 * once on the device, not applicable; and for what was queued, waiting, recorded or refused.
 */

/** Whether the state shows the action's effect: read on the confirmed state, once nothing is pending. */
export function showsEffect(action: ReportAction, request: Request | undefined, viewer: TriageViewer, sent: SentAction): boolean {
  if (!request) return false;
  switch (action) {
    case 'acknowledge':
      return request.ackAt !== null;
    case 'answer':
    case 'import':
      return showsAnswers(request, sent.answers ?? []);
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
  /** The item answers an answer gives, to tell once recorded. */
  readonly answers?: readonly PlannedItem[];
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
  readonly action: ReportAction;
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
    else (showsEffect(report.action, requests.get(sent.requestId), viewer, sent) ? recorded : rejected).push(sent);
  }
  return { waiting, recorded, rejected };
}
