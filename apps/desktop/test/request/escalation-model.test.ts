import { describe, expect, it } from 'vitest';
import { contactHref, escalationChain, nextEscalation } from '../../src/renderer/src/features/request/escalation-model';
import { wordRefusal } from '../../src/renderer/src/features/common/refusal-wording';
import { createRequest, IDS, seeded, T0 } from '../support/desk';
import { translator } from '../support/translate';

describe('the escalation chain on a request', () => {
  it('names who is at every level and marks where the request is', () => {
    const { desk, operator, prefect } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(prefect, 'request.escalate', { requestId, note: 'Sans nouvelles.' });
    const chain = escalationChain(desk.state, desk.request(requestId), prefect);
    expect(
      chain.map((level) => [level.level, level.target, level.people.map((person) => person.name), level.current, level.reached]),
    ).toEqual([
      [0, 'liaisons', ['Bruno Meta', 'Lina Meta'], false, true],
      [1, 'backup_liaison', ['Bruno Meta'], true, true],
      [2, 'platform_manager', ['Maud Manager'], false, false],
      [3, 'prefect', ['Claire Préfète'], false, false],
    ]);
    expect(chain.every((level) => !level.hiddenFromViewer)).toBe(true);
  });

  it('tells a liaison the prefects exist without naming them, rather than “nobody named”', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    const users = new Map([...desk.state.users].filter(([, user]) => user.platformId === 'meta'));
    const chain = escalationChain({ ...desk.state, users }, desk.request(requestId), metaLiaison);
    expect(chain[3]).toMatchObject({ people: [], hiddenFromViewer: true });
  });
});

describe('nextEscalation: what “Escalate” does', () => {
  it('goes up the platform’s chain — backup, then manager — and says who will be told', () => {
    const { desk, operator, prefect } = seeded();
    const requestId = createRequest(desk, operator);
    expect(nextEscalation(desk.state, desk.request(requestId), prefect, T0)).toMatchObject({
      ok: true,
      level: 1,
      people: [{ userId: IDS.metaBackup }],
    });
    desk.must(prefect, 'request.escalate', { requestId, note: 'Un.' });
    expect(nextEscalation(desk.state, desk.request(requestId), prefect, T0)).toMatchObject({
      ok: true,
      level: 2,
      people: [{ name: 'Maud Manager', userId: null }],
    });
  });

  it('is refused, with the relay’s own reason, at the chain’s end and where nobody was named — never to the ministry itself', async () => {
    const fr = await translator('fr');
    const { desk, operator, prefect } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(prefect, 'request.escalate', { requestId, note: 'Un.' });
    desk.must(prefect, 'request.escalate', { requestId, note: 'Deux.' });
    const end = nextEscalation(desk.state, desk.request(requestId), prefect, T0);
    expect(end?.ok === false && wordRefusal(end.refusal, fr)).toBe(
      `${desk.request(requestId).ref} a déjà atteint le dernier niveau de la chaîne de Meta.`,
    );
    const tiktok = createRequest(desk, operator, { platformId: 'tiktok' });
    const nobody = nextEscalation(desk.state, desk.request(tiktok), prefect, T0);
    expect(nobody?.ok === false && nobody.refusal.details?.reason).toBe('escalation_no_contact');
  });

  it('is not offered to those who never escalate', () => {
    const { desk, operator, metaLiaison, observer } = seeded();
    const request = desk.request(createRequest(desk, operator));
    expect(nextEscalation(desk.state, request, metaLiaison, T0)).toBeNull();
    expect(nextEscalation(desk.state, request, observer, T0)).toBeNull();
  });
});

describe('contactHref', () => {
  it('makes mailto: and tel: links, none for a missing address or number', () => {
    expect(contactHref('email', 'maud.manager@meta.example')).toBe('mailto:maud.manager@meta.example');
    expect(contactHref('phone', '+33 1 40 00 00 00')).toBe('tel:+33140000000');
    expect(contactHref('email', null)).toBeNull();
    expect(contactHref('phone', '  ')).toBeNull();
  });
});
