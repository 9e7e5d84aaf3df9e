import {
  contentForPlatform,
  GENESIS_HASH,
  minutesContent,
  minutesHash,
  readState,
  type DomainState,
  type Meeting,
  type MinutesContent,
  type MinutesVersion,
} from '@contact-desk/shared';
import type { MinutesAdoption, MinutesInput } from '@contact-desk/exports';
import type { ExportContext } from '../exports/export-data';

/** The versions of a meeting's minutes this viewer holds: the ministry's copies, or their platform's. */
export function minutesVersions(view: DomainState, meetingId: string, platformId: string | null): MinutesVersion[] {
  const list: MinutesVersion[] = [];
  for (const record of view.meetingRecords.values()) {
    if (record.type === 'minutes' && record.meetingId === meetingId && record.platformId === platformId) list.push(record);
  }
  return list.sort((a, b) => a.version - b.version);
}

/** Whether a version's content is the one whose hash the relay recorded (recomputed here). */
export function contentVerifies(version: MinutesVersion): boolean {
  return minutesHash(version.content) === version.contentHash;
}

/** The document of some minutes content: the same content gives the same document. */
export function minutesFromContent(content: MinutesContent, meta: MinutesInput['meta'], adoption?: MinutesAdoption): MinutesInput {
  const names = new Map(content.invited.map((party) => [party.id, party.name]));
  return {
    meta,
    ...(adoption ? { adoption } : {}),
    meeting: {
      title: content.meeting.title,
      kind: content.meeting.kind,
      startsAt: content.meeting.startsAt,
      place: content.meeting.place ?? '',
      ...(content.meeting.videoLink ? { videoLink: content.meeting.videoLink } : {}),
      chair: content.meeting.chair,
    },
    attendance: content.attendance.map((a) => ({ party: a.name, kind: a.kind, status: a.status, attendees: a.attendees })),
    agenda: content.agenda.map((item) => ({
      title: item.title,
      // Titles built from the record already start with the platform's name.
      ...(item.platformName && !item.title.startsWith(item.platformName) ? { platformName: item.platformName } : {}),
      notes: item.notes,
      lateRequests: item.requestRefs,
    })),
    decisions: content.decisions.map((d) => ({ text: d.text, ...(d.platformName ? { platformName: d.platformName } : {}) })),
    actionItems: content.actionItems.map((item) => ({
      text: item.text,
      owner: item.owner.name,
      ...(item.dueDate === null ? {} : { dueDate: item.dueDate }),
      status: item.status,
      ...(item.closedAt === null ? {} : { closedAt: item.closedAt }),
    })),
    figures: content.figures.map((row) => ({ ...row, platformName: names.get(row.platformId) ?? row.platformId })),
  };
}

/** Adopted minutes as a document: everything in it comes from the version, nothing from this device but its language and zone. */
export function adoptedMinutes(version: MinutesVersion, context: Pick<ExportContext, 'language' | 'timeZone'>): MinutesInput {
  const { content } = version;
  const meta = {
    title: content.meeting.title,
    period: content.period,
    timeZone: context.timeZone,
    generatedAt: version.adoptedAt,
    lastSeq: version.upToSeq,
    headHash: version.upToHash,
    platforms: content.invited.map((party) => party.name),
    language: context.language,
  };
  const adoption = {
    version: version.version,
    adoptedAt: version.adoptedAt,
    upToSeq: version.upToSeq,
    contentHash: version.contentHash,
    note: version.note,
  };
  return minutesFromContent(content, meta, adoption);
}

/** A draft of the minutes from the record as this device holds it now (a liaison's: what their platform may see). */
export function draftMinutes(view: DomainState, meeting: Meeting, platformId: string | null, context: ExportContext): MinutesInput {
  const chair = view.users.get(meeting.createdBy)?.name ?? '—';
  const all = minutesContent(readState(view), meeting, chair, context.now, context.lastSeq, context.headHash ?? GENESIS_HASH);
  const content = platformId === null ? all : contentForPlatform(all, platformId);
  const meta = {
    title: meeting.title,
    period: content.period,
    timeZone: context.timeZone,
    generatedAt: context.now,
    lastSeq: context.lastSeq,
    ...(context.headHash ? { headHash: context.headHash } : {}),
    platforms: content.invited.map((party) => party.name),
    language: context.language,
  };
  return minutesFromContent(content, meta);
}

/** The minutes as this viewer circulates them: the last adopted version of their copy, else a draft. */
export function minutesDocument(
  view: DomainState,
  meetingId: string,
  platformId: string | null,
  context: ExportContext,
): MinutesInput | undefined {
  const meeting = view.meetingRecords.get(meetingId);
  if (meeting?.type !== 'meeting') return undefined;
  const last = minutesVersions(view, meetingId, platformId).at(-1);
  return last ? adoptedMinutes(last, context) : draftMinutes(view, meeting, platformId, context);
}
