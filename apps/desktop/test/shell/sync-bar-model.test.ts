import { describe, expect, it } from 'vitest';
import { PROGRESS_FROM_GAP, syncBarView } from '../../src/renderer/src/features/shell/sync-bar-model';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '@contact-desk/sync';

const BASE: SyncStatus = { ...INITIAL_SYNC_STATUS, connection: 'online' };

describe('syncBarView', () => {
  it('shows the first load’s progress against the relay’s head, until the copy caught up', () => {
    expect(syncBarView({ ...BASE, headSeq: 2_500, cursor: 1_000 }).progress).toEqual({ done: 1_000, total: 2_500 });
    expect(syncBarView({ ...BASE, headSeq: 2_500, cursor: 2_500 }).progress).toBeNull();
    expect(syncBarView({ ...BASE, headSeq: null }).progress).toBeNull();
  });

  it('once synchronised, shows progress only for a long catch-up, not for a live batch on its way', () => {
    const synced = { ...BASE, lastSyncedAt: 1, cursor: 10_000 };
    expect(syncBarView({ ...synced, headSeq: 10_003 }).progress).toBeNull();
    expect(syncBarView({ ...synced, headSeq: 10_000 + PROGRESS_FROM_GAP }).progress).toEqual({
      done: 10_000,
      total: 10_000 + PROGRESS_FROM_GAP,
    });
    expect(syncBarView({ ...synced, connection: 'offline', headSeq: 20_000 }).progress).toBeNull();
  });

  it('tells a first connection from a reconnection', () => {
    expect(syncBarView({ ...BASE, connection: 'connecting' }).state).toBe('connecting');
    expect(syncBarView({ ...BASE, connection: 'connecting', lastSyncedAt: 5 }).state).toBe('reconnecting');
    expect(syncBarView({ ...BASE, connection: 'revoked' }).state).toBe('revoked');
  });
});

describe('the relay address shown', () => {
  const url = 'https://relay-b.interieur.gouv.fr';

  it('is the one connected to while online, the one tried while connecting, none otherwise', () => {
    expect(syncBarView({ ...BASE, relayUrl: url }).relay).toEqual({ url, host: 'relay-b.interieur.gouv.fr', trying: false });
    expect(syncBarView({ ...BASE, connection: 'connecting', lastSyncedAt: 5, relayUrl: 'http://10.0.0.5:4400' }).relay).toEqual({
      url: 'http://10.0.0.5:4400',
      host: '10.0.0.5:4400',
      trying: true,
    });
    expect(syncBarView({ ...BASE, connection: 'offline', relayUrl: url }).relay).toBeNull();
    expect(syncBarView({ ...BASE, connection: 'revoked', relayUrl: url }).relay).toBeNull();
    expect(syncBarView(BASE).relay).toBeNull();
  });
});
