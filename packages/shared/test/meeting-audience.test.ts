import { describe, expect, it } from 'vitest';
import {
  canSee,
  emptyState,
  platformsAudience,
  reduce,
  type Audience,
  type DomainEvent,
  type MutationInput,
  type MutationType,
  type Viewer,
} from '../src/index.js';
import { HOUR, T0, seeded, uuid } from './fixtures.js';

const MINISTRY: Audience = { kind: 'ministry' };
const META: Audience = { kind: 'platform', platformId: 'meta' };
const TIKTOK: Audience = { kind: 'platform', platformId: 'tiktok' };
const BOTH: Audience = { kind: 'platforms', platformIds: ['meta', 'tiktok'] };

/** A meeting that invites Meta alone, with a general record and one about each platform. */
function metaMeeting() {
  const world = seeded();
  const { desk, prefect } = world;
  const meetingId = uuid(850);
  /** The prefect's step, and the event it records. */
  const step = <T extends MutationType>(type: T, args: MutationInput<T>) => desk.must(prefect, type, args).events[0] as DomainEvent;
  const created = step('meeting.create', {
    meetingId,
    title: 'Point Meta',
    kind: 'regular',
    startsAt: T0 + 24 * HOUR,
    place: 'Salle 12',
    videoLink: 'https://visio.example/meta',
    invitedPlatformIds: ['meta'],
  });
  const general = step('agenda.addItem', { itemId: uuid(851), meetingId, kind: 'free', title: 'Point général' });
  const aboutMeta = step('agenda.addItem', {
    itemId: uuid(852),
    meetingId,
    kind: 'late_requests',
    title: 'Retards Meta',
    platformId: 'meta',
  });
  const aboutTiktok = step('decision.add', { decisionId: uuid(853), meetingId, platformId: 'tiktok', text: 'TikTok en retard.' });
  const task = step('actionItem.create', {
    actionItemId: uuid(854),
    meetingId,
    text: 'Bilan',
    owner: { kind: 'platform', platformId: 'meta' },
  });
  return { ...world, meetingId, created, general, aboutMeta, aboutTiktok, task, step };
}

describe('meeting audiences', () => {
  it('writes the ministry and some platforms in one form', () => {
    expect(platformsAudience([])).toEqual(MINISTRY);
    expect(platformsAudience(['meta', 'meta'])).toEqual(META);
    expect(platformsAudience(['tiktok', 'meta', 'tiktok'])).toEqual(BOTH);
  });

  it('lets the ministry and the listed platforms see a platforms audience, no one else', () => {
    const liaison = (platformId: string): Viewer => ({ role: 'liaison', platformId });
    const audience: Audience = { kind: 'platforms', platformIds: ['meta', 'x'] };
    expect(canSee(liaison('meta'), audience)).toBe(true);
    expect(canSee(liaison('x'), audience)).toBe(true);
    expect(canSee(liaison('tiktok'), audience)).toBe(false);
    expect(canSee({ role: 'liaison', platformId: null }, audience)).toBe(false);
    for (const role of ['prefect', 'operator', 'observer', 'system'] as const)
      expect(canSee({ role, platformId: null }, audience)).toBe(true);
  });

  it('sends a meeting, its attendance and its general records to the ministry and the invited platforms only', () => {
    const { created, general, aboutMeta, aboutTiktok, task, step, meetingId } = metaMeeting();
    expect(created.audience).toEqual(META);
    expect(general.audience).toEqual(META);
    expect(aboutMeta.audience).toEqual(META);
    expect(task.audience).toEqual(META);
    // A record about a platform the meeting does not invite stays with the ministry.
    expect(aboutTiktok.audience).toEqual(MINISTRY);
    const attendance = step('meeting.setAttendance', { meetingId, party: { kind: 'platform', platformId: 'meta' }, status: 'present' });
    expect(attendance.audience).toEqual(META);
  });

  it('sends a change of invitations to the platforms invited before and after', () => {
    const { step, meetingId } = metaMeeting();
    expect(step('meeting.update', { meetingId, patch: { invitedPlatformIds: ['tiktok'] } }).audience).toEqual(BOTH);
    // From then on, the meeting is TikTok's and the ministry's.
    expect(step('agenda.addItem', { itemId: uuid(860), meetingId, kind: 'free', title: 'Suite' }).audience).toEqual(TIKTOK);
    expect(step('meeting.update', { meetingId, patch: { invitedPlatformIds: [] } }).audience).toEqual(TIKTOK);
    expect(step('agenda.addItem', { itemId: uuid(861), meetingId, kind: 'free', title: 'Interne' }).audience).toEqual(MINISTRY);
  });

  it('drops from a platform’s copy a meeting it is no longer invited to, with its records, and shows it again once re-invited', () => {
    const { desk, step, meetingId, metaLiaison } = metaMeeting();
    const seen = (): DomainEvent[] => desk.log.filter((event) => canSee(metaLiaison, event.audience));
    const metaCopy = () => reduce(emptyState(), seen(), metaLiaison);
    expect([...metaCopy().meetingRecords.keys()].sort()).toEqual([meetingId, uuid(851), uuid(852), uuid(854)].sort());

    step('meeting.update', { meetingId, patch: { invitedPlatformIds: ['tiktok'] } });
    expect([...metaCopy().meetingRecords.keys()]).toEqual([]);
    // The relay's copy (no holder) keeps everything.
    expect(desk.state.meetingRecords.get(meetingId)).toMatchObject({ invitedPlatformIds: ['tiktok'] });
    expect(desk.state.meetingRecords.has(uuid(852))).toBe(true);

    // Invited again: the meeting as it stands, not the records recorded before.
    step('meeting.update', { meetingId, patch: { invitedPlatformIds: ['meta', 'tiktok'], title: 'Point commun' } });
    const again = metaCopy();
    expect([...again.meetingRecords.keys()]).toEqual([meetingId]);
    expect(again.meetingRecords.get(meetingId)).toMatchObject({ title: 'Point commun', place: 'Salle 12' });

    // Folding page by page gives the same copy as folding at once.
    let paged = emptyState();
    for (const event of seen()) paged = reduce(paged, event, metaLiaison);
    expect([...paged.meetingRecords.keys()]).toEqual([meetingId]);
  });

  it('refuses an uninvited liaison its action item as one that does not exist', () => {
    const { desk, step, meetingId, metaLiaison } = metaMeeting();
    step('meeting.update', { meetingId, patch: { invitedPlatformIds: ['tiktok'] } });
    const refused = desk.submit(metaLiaison, 'actionItem.setStatus', { actionItemId: uuid(854), status: 'done' });
    const phantom = desk.submit(metaLiaison, 'actionItem.setStatus', { actionItemId: uuid(899), status: 'done' });
    expect(refused.decision).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(JSON.stringify(refused.decision).replaceAll(uuid(854), '<id>')).toBe(
      JSON.stringify(phantom.decision).replaceAll(uuid(899), '<id>'),
    );
  });
});
