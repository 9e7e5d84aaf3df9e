import { newId } from '@contact-desk/shared';
import { addUser, freePort, newDataDir, relayCli, RelayProcess } from '../support/relay-process';
import { SyncClient } from './sync-client';

export interface Fixture {
  readonly relay: RelayProcess;
  readonly codes: { operator: string; operator2: string; liaison: string; otherLiaison: string };
  readonly clients: SyncClient[];
  client(code: string, label: string): Promise<SyncClient>;
  close(): Promise<void>;
}

/** A real relay process with a platform pair and users, and a way to make enrolled clients. */
export async function startFixture(): Promise<Fixture> {
  const dataDir = newDataDir();
  relayCli(dataDir, ['platform', 'add', 'meta', '--name', 'Meta']);
  relayCli(dataDir, ['platform', 'add', 'tiktok', '--name', 'TikTok']);
  const codes = {
    operator: addUser(dataDir, 'Olivia Operator', 'operator'),
    operator2: addUser(dataDir, 'Oscar Operator', 'operator'),
    liaison: addUser(dataDir, 'Lina Liaison', 'liaison', 'meta'),
    otherLiaison: addUser(dataDir, 'Tom TikTok', 'liaison', 'tiktok'),
  };
  const relay = new RelayProcess(dataDir, await freePort());
  await relay.start();
  const clients: SyncClient[] = [];
  return {
    relay,
    codes,
    clients,
    async client(code, label) {
      const client = await SyncClient.enroll(relay.url, code, label);
      clients.push(client);
      await client.until(() => client.engine.syncStatus.connection === 'online');
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await relay.stop();
    },
  };
}

export function requestArgs(platformId = 'meta') {
  return {
    requestId: newId(),
    platformId,
    kind: 'removal',
    priority: 'P0',
    items: [`https://example.com/${newId()}`],
    category: 'terrorism_apology',
    grounds: 'Apology of a terrorist attack.',
  };
}
