import { z } from 'zod';
import { entityIdSchema, platformIdSchema } from './ids.js';
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
  readonly createdAt: number;
  readonly createdBy: string;
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
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type MeetingRecord = Meeting | AgendaItem | MeetingDecision | ActionItem;

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
  }
}

export const meetingFieldsSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    kind: z.enum(MEETING_KINDS),
    startsAt: z.number().int().positive(),
    place: z.string().trim().min(1).max(200).nullable(),
    videoLink: z.url({ protocol: /^https?$/ }).max(2048).nullable(),
    invitedPlatformIds: z.array(platformIdSchema).max(100),
  })
  .strict();

export { entityIdSchema };
