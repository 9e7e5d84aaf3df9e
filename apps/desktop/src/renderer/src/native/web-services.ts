import Dexie, { type EntityTable } from 'dexie';
import { enrollWithAny } from '@contact-desk/sync';
import type { NativeServices, StoredCredentials } from './native-services';

/** A profile's stored credentials. Rows written before devices kept a list name one `relayUrl` instead. */
interface CredentialRow extends Omit<StoredCredentials, 'relayUrls'> {
  readonly profile: string;
  readonly relayUrls?: string[];
  readonly relayUrl?: string;
}

/** A tiny database of its own, so clearing the queue's data never loses the device token. */
export class CredentialDatabase extends Dexie {
  credentials!: EntityTable<CredentialRow, 'profile'>;

  constructor(name = 'contact-desk-credentials') {
    super(name);
    this.version(1).stores({ credentials: 'profile' });
  }
}

/** "(3) Contact Desk" for 3, the bare title for 0; an existing prefix is replaced. */
export function titleWithBadge(title: string, count: number): string {
  const bare = title.replace(/^\(\d+\) /, '');
  return count > 0 ? `(${count}) ${bare}` : bare;
}

/** Offers the bytes as a download through a temporary link. */
export function downloadFile(doc: Document, suggestedName: string, mimeType: string, data: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

type NotificationPermissionAsk = () => Promise<NotificationPermission>;

/** Asks for notification permission at most once per page; never throws. */
export function notificationPermissionOnce(ask: NotificationPermissionAsk): () => Promise<boolean> {
  let answer: Promise<boolean> | null = null;
  return () => {
    answer ??= ask().then(
      (permission) => permission === 'granted',
      () => false,
    );
    return answer;
  };
}

export function createWebServices(database: CredentialDatabase = new CredentialDatabase()): NativeServices {
  const notificationsAllowed = notificationPermissionOnce(async () => {
    if (typeof Notification === 'undefined') return 'denied';
    if (Notification.permission !== 'default') return Notification.permission;
    return Notification.requestPermission();
  });

  const services: NativeServices = {
    kind: 'web',
    async saveFile(suggestedName, mimeType, data) {
      downloadFile(document, suggestedName, mimeType, data);
      return true;
    },
    async printToPdf() {
      window.print();
      return true;
    },
    async notify(title, body, urgent) {
      try {
        if (!(await notificationsAllowed())) return;
        new Notification(title, { body, requireInteraction: urgent });
      } catch {
        // Notifications are a convenience; the queue itself shows everything.
      }
    },
    setBadge(count) {
      document.title = titleWithBadge(document.title, count);
      const badge = navigator as Navigator & {
        setAppBadge?: (count?: number) => Promise<void>;
        clearAppBadge?: () => Promise<void>;
      };
      const update = count > 0 ? badge.setAppBadge?.(count) : badge.clearAppBadge?.();
      update?.catch(() => undefined);
    },
    async getCredentials(profile) {
      const row = await database.credentials.get(profile);
      if (!row) return null;
      // Rows written before rotation kept a pending token have none: they read back as before.
      // Rows written before devices kept a list of relay addresses read back as a list of one.
      const { token, pendingToken } = row;
      const relayUrls = row.relayUrls ?? (row.relayUrl ? [row.relayUrl] : []);
      if (relayUrls.length === 0) return null;
      return pendingToken ? { relayUrls, token, pendingToken } : { relayUrls, token };
    },
    async setCredentials(profile, credentials) {
      // The whole row is replaced, so credentials without a pending token clear the stored one
      // (and a row of the earlier form is written again in this one).
      const { relayUrls, token, pendingToken } = credentials;
      await database.credentials.put(pendingToken ? { profile, relayUrls, token, pendingToken } : { profile, relayUrls, token });
    },
    async clearCredentials(profile) {
      await database.credentials.delete(profile);
    },
    async enroll(profile, { relayUrls, code, deviceLabel }) {
      const answer = await enrollWithAny(relayUrls, code, deviceLabel);
      if (!answer.ok) return { ok: false, error: answer.error };
      try {
        await services.setCredentials(profile, { relayUrls, token: answer.token });
      } catch (error) {
        const message = `Enrolled, but the credentials cannot be kept: ${error instanceof Error ? error.message : String(error)}`;
        return { ok: false, error: { code: 'credentials_not_stored', message } };
      }
      return { ok: true, relayUrl: answer.relayUrl, actor: answer.actor };
    },
    // The web client's page policy names relay protocols, not hosts: an enrolled relay is reachable at once.
    reloadAfterEnrollment: () => false,
  };
  return services;
}
