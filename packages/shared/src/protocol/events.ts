import type { Campaign } from '../domain/campaign.js';
import type { Comment } from '../domain/comment.js';
import type { MinutesContent } from '../minutes/minutes-content.js';
import type { ActionItem, ActionItemStatus, AgendaItem, AttendanceStatus, Meeting, MeetingDecision } from '../domain/meeting.js';
import type { ApiKey, Webhook } from '../domain/integration.js';
import type { NotificationAttempt } from '../domain/notification.js';
import type { Platform } from '../domain/platform.js';
import type { PriorityPolicy } from '../domain/policy.js';
import type { CannotExecuteGround, Category, EscalationTarget, ItemOutcome, Request, RequestItem, RequestSide } from '../domain/request.js';
import type { Actor, Device, User } from '../domain/user.js';

export interface AnsweredItem {
  readonly itemId: string;
  readonly outcome: ItemOutcome;
  readonly reason: string | null;
  readonly ground: CannotExecuteGround | null;
}

export interface RequestPatch {
  readonly category?: Category;
  readonly grounds?: string;
  readonly pharosRef?: string | null;
  /** On edits recorded before campaigns were records. */
  readonly campaign?: string | null;
  readonly campaignId?: string | null;
  readonly doNotInform?: boolean;
  readonly retentionUntil?: number | null;
  readonly addItems?: readonly RequestItem[];
}

/** One adopted version of a meeting's minutes, frozen at a log position, with its hash. */
export interface MinutesCopy {
  readonly meetingId: string;
  readonly version: number;
  readonly upToSeq: number;
  readonly upToHash: string;
  /** SHA-256 of the RFC 8785 canonical JSON of `content`. */
  readonly contentHash: string;
  readonly content: MinutesContent;
}

/** Payload of every event, by type. */
export interface EventPayloads {
  'request.created': { readonly request: Request };
  'request.edited': { readonly requestId: string; readonly patch: RequestPatch };
  'request.received': { readonly requestId: string; readonly deviceId: string };
  'request.acknowledged': { readonly requestId: string; readonly implicit: boolean };
  'request.infoRequested': { readonly requestId: string; readonly question: string };
  'request.infoProvided': { readonly requestId: string; readonly answer: string };
  'request.answered': {
    readonly requestId: string;
    readonly items: readonly AnsweredItem[];
    /** True when every item now has an outcome: the request is answered. */
    readonly complete: boolean;
  };
  'request.contested': { readonly requestId: string; readonly reason: string };
  'request.withdrawn': { readonly requestId: string; readonly reason: string };
  'request.closed': { readonly requestId: string; readonly note: string | null };
  'request.reopened': { readonly requestId: string; readonly reason: string };
  'request.escalated': {
    readonly requestId: string;
    readonly level: number;
    readonly target: EscalationTarget;
    readonly note: string | null;
    readonly automatic: boolean;
  };
  'request.deadlineMissed': {
    readonly requestId: string;
    readonly step: 'ack' | 'action';
    readonly deadline: number;
  };
  /** Someone of one side took the request, handed it over (`previousId` → `assigneeId`) or let it go. */
  'request.assigned': {
    readonly requestId: string;
    readonly side: RequestSide;
    readonly assigneeId: string | null;
    readonly previousId: string | null;
  };
  'comment.added': { readonly comment: Comment };
  'campaign.started': { readonly campaign: Campaign };
  'campaign.updated': { readonly campaign: Campaign };
  'campaign.closed': { readonly campaign: Campaign };
  'campaign.reopened': { readonly campaign: Campaign };
  'platform.created': { readonly platform: Platform };
  'platform.updated': { readonly platform: Platform };
  'user.created': { readonly user: User };
  'user.updated': { readonly user: User };
  'user.revoked': { readonly userId: string };
  /** A one-time enrollment code was issued (the code itself is never in the log). */
  'user.enrollmentIssued': { readonly userId: string; readonly expiresAt: number };
  'device.enrolled': { readonly device: Device };
  'device.revoked': { readonly deviceId: string; readonly userId: string };
  'policy.updated': { readonly policy: PriorityPolicy };
  'meeting.created': { readonly meeting: Meeting };
  'meeting.updated': { readonly meeting: Meeting };
  'meeting.attendanceSet': {
    readonly meetingId: string;
    readonly partyKey: string;
    readonly status: AttendanceStatus;
    /** Absent on events recorded before names were kept. */
    readonly attendees?: readonly string[];
  };
  /** The ministry's copy of adopted minutes (everything); one `minutes.published` per invited platform follows. */
  'meeting.adopted': MinutesCopy & { readonly note: string | null };
  'minutes.published': MinutesCopy & { readonly platformId: string };
  'meeting.minutesReopened': { readonly meetingId: string; readonly version: number; readonly reason: string };
  'agenda.itemAdded': { readonly item: AgendaItem };
  'agenda.itemUpdated': { readonly item: AgendaItem };
  'agenda.itemRemoved': { readonly itemId: string; readonly meetingId: string };
  'decision.added': { readonly decision: MeetingDecision };
  'decision.updated': { readonly decision: MeetingDecision };
  'decision.removed': { readonly decisionId: string; readonly meetingId: string; readonly platformId: string | null };
  'actionItem.created': { readonly actionItem: ActionItem };
  'actionItem.statusChanged': {
    readonly actionItemId: string;
    readonly status: ActionItemStatus;
    /** The meeting a closure happened in (absent on older events). */
    readonly closedInMeetingId?: string | null;
  };
  'webhook.created': { readonly webhook: Webhook };
  /** `secretReplaced`: the signing secret or the pager key changed (never the secret itself). */
  'webhook.updated': { readonly webhook: Webhook; readonly secretReplaced: boolean };
  'webhook.removed': { readonly webhookId: string; readonly platformId: string | null };
  'apiKey.issued': { readonly apiKey: ApiKey };
  'apiKey.revoked': { readonly apiKeyId: string; readonly platformId: string };
  /** One attempt at delivering a message outside the app (see domain/notification.ts). */
  'notification.attempted': NotificationAttempt;
}

export type EventType = keyof EventPayloads;

/** Every event type, once: a record over `EventType`, so the compiler refuses a type left out. */
const EVENT_TYPE_SET: Readonly<Record<EventType, true>> = {
  'request.created': true,
  'request.edited': true,
  'request.received': true,
  'request.acknowledged': true,
  'request.infoRequested': true,
  'request.infoProvided': true,
  'request.answered': true,
  'request.contested': true,
  'request.withdrawn': true,
  'request.closed': true,
  'request.reopened': true,
  'request.escalated': true,
  'request.deadlineMissed': true,
  'request.assigned': true,
  'comment.added': true,
  'campaign.started': true,
  'campaign.updated': true,
  'campaign.closed': true,
  'campaign.reopened': true,
  'platform.created': true,
  'platform.updated': true,
  'user.created': true,
  'user.updated': true,
  'user.revoked': true,
  'user.enrollmentIssued': true,
  'device.enrolled': true,
  'device.revoked': true,
  'policy.updated': true,
  'meeting.created': true,
  'meeting.updated': true,
  'meeting.attendanceSet': true,
  'meeting.adopted': true,
  'minutes.published': true,
  'meeting.minutesReopened': true,
  'agenda.itemAdded': true,
  'agenda.itemUpdated': true,
  'agenda.itemRemoved': true,
  'decision.added': true,
  'decision.updated': true,
  'decision.removed': true,
  'actionItem.created': true,
  'actionItem.statusChanged': true,
  'webhook.created': true,
  'webhook.updated': true,
  'webhook.removed': true,
  'apiKey.issued': true,
  'apiKey.revoked': true,
  'notification.attempted': true,
};
export const EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as EventType[];

/**
 * Who may see an event. `platform` means the ministry and that platform's liaisons; `platforms`
 * the ministry and the liaisons of each listed platform (at least two, sorted, no repeats: one
 * platform is `platform`, none is `ministry` — see `platformsAudience`).
 */
export type Audience =
  | { readonly kind: 'all' }
  | { readonly kind: 'ministry' }
  | { readonly kind: 'admin' }
  | { readonly kind: 'platform'; readonly platformId: string }
  | { readonly kind: 'platforms'; readonly platformIds: readonly string[] };

/** What a decision produces: an event before the relay orders and stamps it. */
export type EventDraft = {
  [T in EventType]: { readonly type: T; readonly payload: EventPayloads[T] };
}[EventType];

/** An event of the log, as stored and as sent to clients. */
export type DomainEvent = {
  [T in EventType]: {
    /** Position in the relay's log: strictly increasing, gap-free over the whole log. */
    readonly seq: number;
    /** The relay's clock (ms since the Unix epoch, UTC) when the event was recorded. */
    readonly serverTime: number;
    readonly type: T;
    readonly payload: EventPayloads[T];
    readonly actor: Actor;
    /** The mutation that caused the event; null for events the relay records by itself. */
    readonly mutationId: string | null;
    /** The acting device's clock when the user acted; kept for the record, never used for SLA. */
    readonly clientTime: number | null;
    readonly audience: Audience;
  };
}[EventType];

export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

export function draft<T extends EventType>(type: T, payload: EventPayloads[T]): EventDraft {
  return { type, payload } as EventDraft;
}
