import { z } from 'zod';
import { entityIdSchema, platformIdSchema } from './ids.js';
import type { MinutesContent } from '../minutes/minutes-content.js';
import { teamSchema } from './user.js';

/** Meetings of the contact group: the meeting itself, its agenda, decisions and action items. */
export const MEETING_KINDS = ['regular', 'emergency'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const AGENDA_ITEM_KINDS = ['late_requests', 'figures', 'action_items', 'free'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const ACTION_ITEM_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** Who attends or owns something: a member platform, or a ministry team. */
export const partySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('platform'), platformId: platformIdSchema }).strict(),
  z.object({ kind: z.literal('ministry'), team: teamSchema }).strict(),
]);
export type Party = z.infer<typeof partySchema>;

/** A stable key for a party: `platform:meta`, `ministry:PHAROS`. */
export function partyKey(party: Party): string {
  return party.kind === 'platform' ? `platform:${party.platformId}` : `ministry:${party.team}`;
}

export interface Meeting {
  readonly type: 'meeting';
  readonly id: string;
  readonly title: string;
  readonly kind: MeetingKind;
  readonly startsAt: number;
  readonly place: string | null;
  readonly videoLink: string | null;
  readonly invitedPlatformIds: readonly string[];
  /** Attendance by party key. */
  readonly attendance: Readonly<Record<string, AttendanceStatus>>;
  /** Names of the people who attended, by party key (absent on meetings recorded before names were kept). */
  readonly attendees?: Readonly<Record<string, readonly string[]>>;
  /** Where the minutes stand; absent until the first adoption. */
  readonly minutes?: MinutesStanding;
  readonly createdAt: number;
  readonly createdBy: string;
}

/** The minutes of a meeting once adopted: the last version, and whether an amendment is open. */
export interface MinutesStanding {
  readonly version: number;
  readonly adoptedAt: number;
  /** An amendment is open (reopened since the last adoption): the meeting can be edited again. */
  readonly amending: boolean;
  readonly reopenReason: string | null;
}

/** Whether the meeting's record is frozen by adopted minutes (no amendment open). */
export function isAdopted(meeting: Meeting): boolean {
  return meeting.minutes !== undefined && !meeting.minutes.amending;
}

export interface AgendaItem {
  readonly type: 'agendaItem';
  readonly id: string;
  readonly meetingId: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  /** The platform the item is about; null for a general item. */
  readonly platformId: string | null;
  /** References of the requests the item is about (late or unanswered ones). */
  readonly requestRefs: readonly string[];
  readonly notes: string;
  readonly order: number;
  readonly createdAt: number;
}

export interface MeetingDecision {
  readonly type: 'decision';
  readonly id: string;
  readonly meetingId: string;
  readonly agendaItemId: string | null;
  readonly platformId: string | null;
  readonly text: string;
  readonly createdAt: number;
}

export interface ActionItem {
  readonly type: 'actionItem';
  readonly id: string;
  /** The meeting where it was decided; it stays open across meetings until done. */
  readonly meetingId: string;
  readonly text: string;
  readonly owner: Party;
  readonly dueDate: number | null;
  readonly status: ActionItemStatus;
  /** When it was marked done or dropped; null (or absent on older records) while open. */
  readonly closedAt?: number | null;
  /** The meeting it was closed in, whose minutes show it closed. */
  readonly closedInMeetingId?: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * One adopted version of a meeting's minutes, as its audience received it: the ministry's copy
 * (`platformId` null, everything) or the copy published to one invited platform.
 */
export interface MinutesVersion {
  readonly type: 'minutes';
  /** `<meetingId>/v<version>` for the ministry's copy, `<meetingId>/v<version>/<platformId>` for a platform's. */
  readonly id: string;
  readonly meetingId: string;
  readonly platformId: string | null;
  readonly version: number;
  readonly note: string | null;
  readonly upToSeq: number;
  readonly upToHash: string;
  readonly contentHash: string;
  readonly content: MinutesContent;
  readonly adoptedAt: number;
}

export function minutesVersionId(meetingId: string, version: number, platformId: string | null): string {
  return platformId === null ? `${meetingId}/v${version}` : `${meetingId}/v${version}/${platformId}`;
}

export type MeetingRecord = Meeting | AgendaItem | MeetingDecision | ActionItem | MinutesVersion;

/** The platform a meeting record is about, if any: it decides who may see it. */
export function recordPlatform(record: MeetingRecord): string | null {
  switch (record.type) {
    case 'meeting':
      return null;
    case 'agendaItem':
    case 'decision':
      return record.platformId;
    case 'actionItem':
      return record.owner.kind === 'platform' ? record.owner.platformId : null;
    case 'minutes':
      return record.platformId;
  }
}

export const meetingFieldsSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    kind: z.enum(MEETING_KINDS),
    startsAt: z.number().int().positive(),
    place: z.string().trim().min(1).max(200).nullable(),
    videoLink: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable(),
    invitedPlatformIds: z.array(platformIdSchema).max(100),
  })
  .strict();

export { entityIdSchema };
