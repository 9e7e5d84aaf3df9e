import { describe, expect, it } from 'vitest';
import { namesFromEvents, ownerChoices, ownerLines } from '../../src/renderer/src/features/request/owners-model';
import { createRequest, IDS, seeded } from '../support/desk';

describe('who handles a request', () => {
  it('names the owner of each side, the platform first, from the users seen or else from the log', () => {
    const { desk, operator, metaLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    desk.must(metaLiaison, 'request.assign', { requestId, assigneeId: metaLiaison.userId });
    const request = desk.request(requestId);
    const book = { users: desk.state.users, fromEvents: new Map<string, string>() };
    expect(ownerLines(request, book, metaLiaison.userId)).toEqual([
      { side: 'platform', ownerId: IDS.metaLiaison, name: 'Lina Meta', isMe: true },
      { side: 'ministry', ownerId: IDS.operator, name: 'Olivier Pharos', isMe: false },
    ]);
    // A liaison's device has no ministry users: the name comes from who signed the events.
    const platformUsers = new Map([...desk.state.users].filter(([, user]) => user.platformId === 'meta'));
    const fromLog = { users: platformUsers, fromEvents: namesFromEvents(desk.log) };
    expect(ownerLines(request, fromLog, metaLiaison.userId)[1]?.name).toBe('Olivier Pharos');
    expect(ownerLines(request, { users: platformUsers, fromEvents: new Map() }, null)[1]?.name).toBeNull();
  });
});

describe('ownerChoices: what the relay would accept', () => {
  it('lets a liaison take, hand over to an active colleague of the platform, and let go', () => {
    const { desk, operator, metaLiaison, metaBackup } = seeded();
    const requestId = createRequest(desk, operator);
    expect(ownerChoices(desk.request(requestId), desk.state.users, metaLiaison)).toEqual({
      side: 'platform',
      canTake: true,
      canLetGo: false,
      handOverTo: [{ id: IDS.metaBackup, name: 'Bruno Meta' }],
    });
    desk.must(metaLiaison, 'request.assign', { requestId, assigneeId: metaLiaison.userId });
    expect(ownerChoices(desk.request(requestId), desk.state.users, metaLiaison)).toMatchObject({ canTake: false, canLetGo: true });
    expect(ownerChoices(desk.request(requestId), desk.state.users, metaBackup)).toMatchObject({
      canTake: true,
      canLetGo: false,
      handOverTo: [],
    });
  });

  it('offers the ministry its prefects and operators, and nothing to other platforms, observers or on a closed request', () => {
    const { desk, prefect, operator, observer, tiktokLiaison } = seeded();
    const requestId = createRequest(desk, operator);
    const choices = ownerChoices(desk.request(requestId), desk.state.users, prefect);
    expect(choices).toMatchObject({ side: 'ministry', canTake: true, canLetGo: false });
    expect(choices.handOverTo.map((person) => person.name)).toEqual([]);
    expect(ownerChoices(desk.request(requestId), desk.state.users, operator).handOverTo.map((person) => person.name)).toEqual([
      'Claire Préfète',
    ]);
    expect(ownerChoices(desk.request(requestId), desk.state.users, tiktokLiaison).side).toBeNull();
    expect(ownerChoices(desk.request(requestId), desk.state.users, observer).side).toBeNull();
    desk.must(operator, 'request.withdraw', { requestId, reason: 'Doublon.' });
    expect(ownerChoices(desk.request(requestId), desk.state.users, operator).side).toBeNull();
  });
});
