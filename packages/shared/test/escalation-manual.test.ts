import { describe, expect, it } from 'vitest';
import { contactsAt, nextManualLevel } from '../src/index.js';
import { IDS, PREFECT, createRequest, seeded } from './fixtures.js';

describe('manual escalation', () => {
  it('skips a level nobody was named for: no backup liaison goes straight to the manager', () => {
    const { desk, operator } = seeded();
    desk.must(PREFECT, 'platform.update', { platformId: 'meta', patch: { backupLiaisonId: null } });
    const requestId = createRequest(desk, operator);
    const { events } = desk.must(operator, 'request.escalate', { requestId, note: 'Urgent.' });
    expect(events[0]?.payload).toMatchObject({ level: 2, target: 'platform_manager', automatic: false });
  });

  it('is refused when the platform names nobody, with the reason and the platform', () => {
    const { desk, operator } = seeded();
    const requestId = createRequest(desk, operator, { platformId: 'tiktok', items: ['https://tiktok.com/@a/video/1'] });
    const before = desk.state;
    const { decision } = desk.submit(operator, 'request.escalate', { requestId, note: 'Urgent.' });
    expect(decision).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'escalation_no_contact', platform: 'TikTok', level: 0 } },
    });
    expect(desk.state).toBe(before);
  });

  it('never reaches the ministry’s level: the prefect pressing it would escalate to herself', () => {
    const { desk, prefect } = seeded();
    const requestId = createRequest(desk, prefect);
    desk.must(prefect, 'request.escalate', { requestId, note: 'One.' });
    desk.must(prefect, 'request.escalate', { requestId, note: 'Two.' });
    expect(desk.submit(prefect, 'request.escalate', { requestId, note: 'Three.' }).decision.ok).toBe(false);
    expect(desk.request(requestId).escalationLevel).toBe(2);
  });

  it('ignores a revoked backup liaison', () => {
    const { desk } = seeded();
    desk.must(PREFECT, 'user.revoke', { userId: IDS.metaBackup });
    const platform = desk.state.platforms.get('meta')!;
    expect(nextManualLevel(platform, { user: (id) => desk.state.users.get(id) }, 0)).toBe(2);
  });
});

describe('the people of each escalation level', () => {
  it('names the liaisons, the backup, the manager and the prefects, with how to reach them', () => {
    const { desk } = seeded();
    desk.must(PREFECT, 'user.update', { userId: IDS.metaBackup, patch: { email: 'bruno@meta.example', phone: '+33 6 12 34 56 78' } });
    desk.must(PREFECT, 'platform.update', {
      platformId: 'meta',
      patch: { escalationContact: { name: 'Maud Manager', email: 'maud@meta.example', phone: '+1 650 555 0100' } },
    });
    const at = (level: number) => contactsAt(desk.state, 'meta', level);
    expect(at(0)).toMatchObject({ target: 'liaisons', people: [{ name: 'Bruno Meta' }, { name: 'Lina Meta' }] });
    expect(at(1)).toEqual({
      level: 1,
      target: 'backup_liaison',
      people: [{ userId: IDS.metaBackup, name: 'Bruno Meta', email: 'bruno@meta.example', phone: '+33 6 12 34 56 78' }],
    });
    expect(at(2)).toEqual({
      level: 2,
      target: 'platform_manager',
      people: [{ userId: null, name: 'Maud Manager', email: 'maud@meta.example', phone: '+1 650 555 0100' }],
    });
    expect(at(3)).toMatchObject({ target: 'prefect', people: [{ userId: IDS.prefect }] });
  });

  it('says a level is empty rather than guess', () => {
    const { desk } = seeded();
    expect(contactsAt(desk.state, 'tiktok', 1).people).toEqual([]);
    expect(contactsAt(desk.state, 'tiktok', 2).people).toEqual([]);
  });
});
