import { relayHost, type SyncStatus } from '@contact-desk/sync';

export type SyncState = 'connecting' | 'reconnecting' | 'online' | 'offline' | 'revoked';

/** Below this many events behind, catching up is too short to show as progress (a live batch). */
export const PROGRESS_FROM_GAP = 500;

export interface SyncBarView {
  readonly state: SyncState;
  /** Events applied and the relay's head while the copy catches up: the first load, or after a long time offline. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** The relay address connected to (`trying` while a connection to it is under way); null otherwise. */
  readonly relay: { readonly url: string; readonly host: string; readonly trying: boolean } | null;
}

export function syncBarView(sync: SyncStatus): SyncBarView {
  const state: SyncState =
    sync.connection === 'connecting' ? (sync.lastSyncedAt !== null ? 'reconnecting' : 'connecting') : sync.connection;
  const gap = sync.headSeq === null ? 0 : sync.headSeq - sync.cursor;
  const catchingUp = gap > 0 && (sync.lastSyncedAt === null || gap >= PROGRESS_FROM_GAP) && state === 'online';
  const shown = sync.relayUrl !== null && (state === 'online' || state === 'connecting' || state === 'reconnecting');
  return {
    state,
    progress: catchingUp && sync.headSeq !== null ? { done: sync.cursor, total: sync.headSeq } : null,
    relay: shown && sync.relayUrl !== null ? { url: sync.relayUrl, host: relayHost(sync.relayUrl), trying: state !== 'online' } : null,
  };
}
