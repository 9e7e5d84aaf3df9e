import { describe, expect, it } from 'vitest';
import {
  canSee,
  decide,
  MUTATION_TYPES,
  mayPerform,
  mutationsFor,
  parseMutation,
  readState,
  ROLES,
  SYSTEM_ACTOR,
  visibilityClass,
  type Audience,
  type MutationType,
  type Role,
  type Viewer,
} from '../src/index.js';
import { createRequest, seeded, uuid } from './fixtures.js';
import { SAMPLE_ARGS } from './samples.js';

const REQUEST_STEPS_OF_THE_MINISTRY: MutationType[] = [
  'request.create',
  'request.edit',
  'request.provideInfo',
  'request.withdraw',
  'request.close',
  'request.reopen',
  'request.escalate',
  'request.assign',
  'comment.add',
];
/** Campaigns: the ministry's team starts, renames, closes and reopens them as a crisis goes. */
const CAMPAIGN_WORK: MutationType[] = ['campaign.start', 'campaign.update', 'campaign.close', 'campaign.reopen'];
const ADMINISTRATION: MutationType[] = [
  'platform.create',
  'platform.update',
  'user.create',
  'user.update',
  'user.revoke',
  'user.issueEnrollmentCode',
  'device.revoke',
  'policy.update',
  'webhook.create',
  'webhook.update',
  'webhook.rotateSecret',
  'webhook.remove',
  'apiKey.issue',
  'apiKey.revoke',
];

/** The role × mutation matrix, written out from docs/domain.md. */
/** Meetings: the prefect convenes; the ministry's team takes part and records. */
const MEETING_WORK: MutationType[] = [
  'meeting.setAttendance',
  'agenda.addItem',
  'agenda.updateItem',
  'agenda.removeItem',
  'agenda.reorder',
  'decision.add',
  'decision.update',
  'decision.remove',
  'actionItem.create',
  'actionItem.setStatus',
];

const EXPECTED: Record<Role, MutationType[]> = {
  // Only the chair adopts the minutes and reopens them for an amendment.
  prefect: [
    ...REQUEST_STEPS_OF_THE_MINISTRY,
    ...CAMPAIGN_WORK,
    ...ADMINISTRATION,
    'meeting.create',
    'meeting.update',
    'meeting.adopt',
    'meeting.reopenMinutes',
    ...MEETING_WORK,
  ],
  operator: [...REQUEST_STEPS_OF_THE_MINISTRY, ...CAMPAIGN_WORK, ...MEETING_WORK],
  liaison: [
    'request.acknowledge',
    'request.requestInfo',
    'request.answer',
    'request.contest',
    'request.assign',
    'comment.add',
    'actionItem.setStatus',
  ],
  observer: [],
};

describe('who may send which mutation', () => {
  const cells = ROLES.flatMap((role) => MUTATION_TYPES.map((type) => [role, type] as const));

  it.each(cells)('%s × %s follows the matrix', (role, type) => {
    const actor = {
      userId: uuid(77),
      name: 'Someone',
      role,
      platformId: role === 'liaison' ? 'meta' : null,
      deviceId: null,
    };
    expect(mayPerform(actor, type)).toBe(EXPECTED[role].includes(type));
  });

  it.each(ROLES)('mutationsFor(%s) lists exactly the allowed mutations', (role) => {
    expect([...mutationsFor(role)].sort()).toEqual([...EXPECTED[role]].sort());
  });

  it('the relay itself sends no mutation', () => {
    expect(MUTATION_TYPES.filter((type) => mayPerform(SYSTEM_ACTOR, type))).toEqual([]);
  });

  it.each(MUTATION_TYPES)('an observer is refused %s with a forbidden error', (type) => {
    const { desk, operator, observer } = seeded();
    createRequest(desk, operator);
    const parsed = parseMutation({ mutationId: uuid(88), type, args: SAMPLE_ARGS[type] });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const decision = decide({ actor: observer, now: desk.now, clientTime: null, read: readState(desk.state) }, parsed.value);
    expect(decision).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: `Your role (observer) may not perform ${type}.`,
        details: { type, role: 'observer', reason: 'role_may_not' },
      },
    });
  });
});

describe('a liaison cannot reach another platform’s requests', () => {
  it.each([
    ['request.acknowledge', (requestId: string) => ({ requestId })],
    ['request.requestInfo', (requestId: string) => ({ requestId, question: 'Which?' })],
    ['request.contest', (requestId: string) => ({ requestId, reason: 'Lawful.' })],
    ['request.answer', (requestId: string) => ({ requestId, items: [{ itemId: `${requestId}/1`, outcome: 'removed' }] })],
    ['comment.add', (requestId: string) => ({ requestId, commentId: uuid(99), body: 'Hello' })],
  ] as const)('%s on a request of meta by a TikTok liaison looks exactly like a missing request', (type, args) => {
    const { desk, operator, tiktokLiaison } = seeded();
    const requestId = createRequest(desk, operator, { platformId: 'meta' });
    const ref = desk.request(requestId).ref;
    const before = desk.state;
    const missingId = uuid(4242);
    const submitAs = (id: string) => {
      const parsed = parseMutation({ mutationId: uuid(5), type, args: args(id) });
      if (!parsed.ok) throw new Error(parsed.error.message);
      return decide({ actor: tiktokLiaison, now: desk.now, clientTime: null, read: readState(desk.state) }, parsed.value);
    };
    const foreign = submitAs(requestId);
    const missing = submitAs(missingId);
    expect(foreign).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: `No request ${requestId} is visible to you.`,
        details: { id: requestId, what: 'request', reason: 'not_visible' },
      },
    });
    expect(missing).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: `No request ${missingId} is visible to you.`,
        details: { id: missingId, what: 'request', reason: 'not_visible' },
      },
    });
    expect(JSON.stringify(foreign)).not.toContain(ref);
    expect(desk.state).toBe(before);
  });

  it('does not reveal the status of a foreign request either', () => {
    const { desk, operator, tiktokLiaison } = seeded();
    const requestId = createRequest(desk, operator, { platformId: 'meta' });
    desk.must(operator, 'request.withdraw', { requestId, reason: 'Mistake.' });
    const { decision } = desk.submit(tiktokLiaison, 'request.acknowledge', { requestId });
    expect(decision).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a liaison cannot write ministry-only notes, even on their own requests', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    const { decision } = desk.submit(metaLiaison, 'comment.add', {
      requestId,
      commentId: uuid(99),
      body: 'Internal',
      visibility: 'ministry',
    });
    expect(decision).toMatchObject({ ok: false, error: { code: 'forbidden', details: { path: 'visibility' } } });
  });
});

describe('canSee', () => {
  const viewers: Record<string, Viewer> = {
    prefect: { role: 'prefect', platformId: null },
    operator: { role: 'operator', platformId: null },
    observer: { role: 'observer', platformId: null },
    system: { role: 'system', platformId: null },
    metaLiaison: { role: 'liaison', platformId: 'meta' },
    tiktokLiaison: { role: 'liaison', platformId: 'tiktok' },
  };
  const audiences: Record<string, Audience> = {
    all: { kind: 'all' },
    ministry: { kind: 'ministry' },
    admin: { kind: 'admin' },
    meta: { kind: 'platform', platformId: 'meta' },
  };
  /** Rows: viewers; columns: all, ministry, admin, platform meta. */
  const table: Record<string, [boolean, boolean, boolean, boolean]> = {
    prefect: [true, true, true, true],
    operator: [true, true, false, true],
    observer: [true, true, false, true],
    system: [true, true, true, true],
    metaLiaison: [true, false, false, true],
    tiktokLiaison: [true, false, false, false],
  };
  const cells = Object.entries(table).flatMap(([viewer, row]) =>
    Object.keys(audiences).map((audience, column) => [viewer, audience, row[column]] as const),
  );

  it.each(cells)('%s sees an event for %s: %s', (viewer, audience, expected) => {
    expect(canSee(viewers[viewer]!, audiences[audience]!)).toBe(expected);
  });

  it('groups viewers who see the same events', () => {
    expect(visibilityClass(viewers.prefect!)).toBe('admin');
    expect(visibilityClass(viewers.system!)).toBe('admin');
    expect(visibilityClass(viewers.operator!)).toBe('ministry');
    expect(visibilityClass(viewers.observer!)).toBe('ministry');
    expect(visibilityClass(viewers.metaLiaison!)).toBe('platform:meta');
  });
});
