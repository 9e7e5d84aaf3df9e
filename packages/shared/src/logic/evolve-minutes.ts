import { minutesVersionId, type Meeting, type MinutesVersion } from '../domain/meeting.js';
import type { EventOf } from '../protocol/events.js';
import type { EntityWrite, ReadModel } from './state.js';

type MinutesEvent = EventOf<'meeting.attendanceSet' | 'meeting.adopted' | 'minutes.published' | 'meeting.minutesReopened'>;

/**
 * What attendance and the minutes' adoption write: the meeting's attendance and standing, and
 * each adopted version as a record of its own (versions are never overwritten).
 */
export function evolveMinutes(read: ReadModel, event: MinutesEvent): readonly EntityWrite[] {
  const meeting = read.meetingRecord(event.payload.meetingId);
  const known = meeting?.type === 'meeting' ? meeting : undefined;
  const withMeeting = (change: (meeting: Meeting) => Meeting): EntityWrite[] =>
    known ? [{ kind: 'meetingRecord', value: change(known) }] : [];
  switch (event.type) {
    case 'meeting.attendanceSet': {
      const { partyKey, status, attendees } = event.payload;
      return withMeeting((m) => ({
        ...m,
        attendance: { ...m.attendance, [partyKey]: status },
        ...(attendees === undefined ? {} : { attendees: { ...m.attendees, [partyKey]: attendees } }),
      }));
    }
    case 'meeting.adopted':
    case 'minutes.published': {
      const { meetingId, version, upToSeq, upToHash, contentHash, content } = event.payload;
      const platformId = event.type === 'minutes.published' ? event.payload.platformId : null;
      const note = event.type === 'meeting.adopted' ? event.payload.note : null;
      const record: MinutesVersion = {
        type: 'minutes',
        id: minutesVersionId(meetingId, version, platformId),
        meetingId,
        platformId,
        version,
        note,
        upToSeq,
        upToHash,
        contentHash,
        content,
        adoptedAt: event.serverTime,
      };
      const standing = { version, adoptedAt: event.serverTime, amending: false, reopenReason: null };
      return [{ kind: 'meetingRecord', value: record }, ...withMeeting((m) => ({ ...m, minutes: standing }))];
    }
    case 'meeting.minutesReopened':
      return withMeeting((m) => (m.minutes ? { ...m, minutes: { ...m.minutes, amending: true, reopenReason: event.payload.reason } } : m));
  }
}
