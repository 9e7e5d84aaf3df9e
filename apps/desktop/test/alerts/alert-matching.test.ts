import { actionDeadline, type DomainEvent } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { dueSoon, isMine, needsMeCount, newP0Of, WARN_BEFORE_MS } from '../../src/renderer/src/features/alerts/alert-matching';
import { createRequest, MINUTE, seeded, type Desk } from '../support/desk';

function createdEvent(desk: Desk, requestId: string): DomainEvent {
  const event = desk.log.find((entry) => entry.type === 'request.created' && entry.payload.request.id === requestId);
  if (!event) throw new Error(`no request.created for ${requestId}`);
  return event;
}

describe('whose request it is', () => {
  it('a liaison’s for their platform, the ministry’s for whoever sent or handles it, never an observer’s', () => {
    const { desk, operator, prefect, observer, metaLiaison, tiktokLiaison } = seeded();
    const request = desk.request(createRequest(desk, operator));

    expect(isMine(request, metaLiaison)).toBe(true);
    expect(isMine(request, tiktokLiaison)).toBe(false);
    expect(isMine(request, operator)).toBe(true);
    expect(isMine(request, prefect)).toBe(false);
    expect(isMine(request, observer)).toBe(false);
  });
});

describe('a new P0 announced at once', () => {
  it('to everyone but its sender, and only for P0', () => {
    const { desk, operator, prefect, metaLiaison } = seeded();
    const p0 = createRequest(desk, operator, { priority: 'P0' });
    const p1 = createRequest(desk, operator, { priority: 'P1' });

    expect(newP0Of(createdEvent(desk, p0), prefect)?.id).toBe(p0);
    expect(newP0Of(createdEvent(desk, p0), metaLiaison)?.id).toBe(p0);
    expect(newP0Of(createdEvent(desk, p0), null)?.id).toBe(p0);
    expect(newP0Of(createdEvent(desk, p0), operator)).toBeNull();
    expect(newP0Of(createdEvent(desk, p1), prefect)).toBeNull();
    const received = desk.receive(p0);
    expect(received.map((event) => newP0Of(event, prefect))).toEqual(received.map(() => null));
  });
});

describe('deadlines about to pass', () => {
  it('warn the people the request is theirs, within the last five minutes of the acknowledgement deadline only', () => {
    const { desk, operator, prefect, metaLiaison, tiktokLiaison } = seeded();
    const requestId = createRequest(desk, operator, { priority: 'P0' });
    desk.receive(requestId);
    const deadline = desk.request(requestId).sla.ackMs + desk.now;

    expect(dueSoon(desk.state, metaLiaison, deadline - WARN_BEFORE_MS - MINUTE)).toEqual([]);
    const soon = dueSoon(desk.state, metaLiaison, deadline - 4 * MINUTE);
    expect(soon.map(({ request, step, left, key }) => ({ id: request.id, step, left, key }))).toEqual([
      { id: requestId, step: 'ack', left: 4 * MINUTE, key: `${requestId}:ack` },
    ]);
    expect(soon[0]?.deadline).toBe(deadline);
    expect(dueSoon(desk.state, operator, deadline - MINUTE).map((due) => due.key)).toEqual([`${requestId}:ack`]);
    expect(dueSoon(desk.state, tiktokLiaison, deadline - MINUTE)).toEqual([]);
    expect(dueSoon(desk.state, prefect, deadline - MINUTE)).toEqual([]);
    expect(dueSoon(desk.state, metaLiaison, deadline)).toEqual([]);
    expect(dueSoon(desk.state, metaLiaison, deadline + MINUTE)).toEqual([]);
  });

  it('once acknowledged, the action deadline’s; a closed request none', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator, { priority: 'P0' });
    desk.receive(requestId);
    desk.tick(MINUTE).must(metaLiaison, 'request.acknowledge', { requestId });
    const now = desk.now;
    const actionDue = actionDeadline(desk.request(requestId), now)!;

    expect(dueSoon(desk.state, metaLiaison, now)).toEqual([]);
    expect(dueSoon(desk.state, metaLiaison, actionDue - 2 * MINUTE).map((due) => [due.step, due.left])).toEqual([['action', 2 * MINUTE]]);
    desk.must(operator, 'request.withdraw', { requestId, reason: 'Sent twice.' });
    expect(dueSoon(desk.state, metaLiaison, actionDue - 2 * MINUTE)).toEqual([]);
  });
});

describe('the badge', () => {
  it('counts what waits for the user’s own side, nothing when signed out', () => {
    const { desk, operator, metaLiaison, tiktokLiaison } = seeded();
    desk.receive(createRequest(desk, operator));
    desk.receive(createRequest(desk, operator));
    createRequest(desk, operator, { platformId: 'tiktok' });

    expect(needsMeCount(desk.state, null)).toBe(0);
    expect(needsMeCount(desk.state, metaLiaison)).toBe(2);
    expect(needsMeCount(desk.state, tiktokLiaison)).toBe(1);
  });
});
