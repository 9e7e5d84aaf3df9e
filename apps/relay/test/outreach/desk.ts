/**
 * A desk for the outreach tests: a real relay (ManualClock, SQLite file, sockets) with outreach
 * on, a platform whose escalation chain names people with addresses, and helpers to read what
 * was planned and attempted.
 */
import Database from 'better-sqlite3';
import type { DeliveriesResponse, LoggedEvent, NotificationAttempt } from '@contact-desk/shared';
import { perform } from '../../src/cli/admin-actions.js';
import { databaseFile, type RelayConfig } from '../../src/config.js';
import { DEFAULT_OUTREACH, type OutreachConfig } from '../../src/outreach/outreach-config.js';
import type { SenderOptions } from '../../src/outreach/start-sender.js';
import { Harness, MINUTE, type Client, type EnrolledUser } from '../harness.js';

export const APP_URL = 'https://desk.interieur.example';
export const DUTY = 'permanence@interieur.example';

/** Retries a minute apart at first, a six-hour give-up; no timer (tests drain). */
export const TEST_OUTREACH: OutreachConfig = {
  ...DEFAULT_OUTREACH,
  pollMs: 0,
  timeoutMs: 5_000,
  retryBaseMs: MINUTE,
  retryMaxMs: 30 * MINUTE,
  giveUpMs: 6 * 60 * MINUTE,
  appUrl: APP_URL,
  dutyEmail: DUTY,
};

export const PEOPLE = {
  liaison: { name: 'Léa Martin', email: 'lea.martin@alpha.example' },
  backup: { name: 'Bruno Petit', email: 'bruno.petit@alpha.example' },
  manager: { name: 'Marie Durand', email: 'marie.durand@alpha.example', phone: '+33 1 23 45 67 89' },
  prefect: { name: 'Paul Préfet', email: 'paul.prefet@interieur.example' },
  beta: { name: 'Ben Beta', email: 'ben@beta.example' },
};

export interface Desk {
  readonly h: Harness;
  readonly ops: Client;
  readonly prefect: Client;
  readonly alpha: Client;
  readonly beta: Client;
  readonly ids: { liaison: string; silentLiaison: string; backup: string; prefect: string };
  /** To connect again after a restart. */
  readonly users: { liaison: EnrolledUser; prefect: EnrolledUser; operator: EnrolledUser };
}

/**
 * Platforms `alpha` (two liaisons, one without an address; a backup; a manager contact) and
 * `beta`, a prefect and an operator, all connected.
 */
export async function startDesk(
  outreach: Partial<OutreachConfig> = {},
  sender: SenderOptions = {},
  config: Partial<RelayConfig> = {},
): Promise<Desk> {
  const h = await Harness.start(undefined, undefined, {
    config: { ...config, outreach: { ...TEST_OUTREACH, ...outreach } },
    start: { outreach: { random: () => 0.5, ...sender } },
  });
  await h.platform('alpha', 'Alpha');
  await h.platform('beta', 'Beta');
  const liaison = await h.user('liaison', 'alpha', PEOPLE.liaison);
  const silentLiaison = await h.user('liaison', 'alpha', { name: 'Sans Adresse' });
  const backup = await h.user('liaison', 'alpha', PEOPLE.backup);
  const betaLiaison = await h.user('liaison', 'beta', PEOPLE.beta);
  const prefectUser = await h.user('prefect', null, PEOPLE.prefect);
  const operator = await h.user('operator', null, { name: 'Olivia Opératrice' });
  await perform(h.core, 'platform.update', {
    platformId: 'alpha',
    patch: { backupLiaisonId: backup.userId, escalationContact: PEOPLE.manager },
  });
  return {
    h,
    ops: await h.connect(operator),
    prefect: await h.connect(prefectUser),
    alpha: await h.connect(liaison),
    beta: await h.connect(betaLiaison),
    ids: { liaison: liaison.userId, silentLiaison: silentLiaison.userId, backup: backup.userId, prefect: prefectUser.userId },
    users: { liaison, prefect: prefectUser, operator },
  };
}

/** Waits until every due delivery is tried and every try recorded. */
export function drain(h: Harness): Promise<void> {
  const sender = h.relay.outreach?.sender;
  if (!sender) throw new Error('this relay sends nothing');
  return sender.drain();
}

/** Every event of the log, paged. */
export async function allEvents(h: Harness): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  for (;;) {
    const page = await h.eventsAfter(events.at(-1)?.seq ?? 0);
    if (page.length === 0) return events;
    events.push(...page);
  }
}

/** The `notification.attempted` payloads of the log, in order. */
export async function attempts(h: Harness): Promise<NotificationAttempt[]> {
  return (await allEvents(h)).flatMap((event) => (event.type === 'notification.attempted' ? [event.payload] : []));
}

/** A row of the outbox as the file holds it. */
export interface OutboxRow {
  id: string;
  channel: 'email' | 'webhook';
  target: string;
  target_name: string | null;
  request_id: string | null;
  platform_id: string | null;
  level: number | null;
  trigger: string;
  topic: string | null;
  cause_seq: number | null;
  body: string;
  path: string | null;
  dedup_key: string | null;
  status: 'pending' | 'delivered' | 'abandoned';
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
  last_detail: string | null;
}

/** Every row of the outbox in the order it was planned, read through a separate read-only connection. */
export function outboxRows(h: Harness): OutboxRow[] {
  const db = new Database(databaseFile(h), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM deliveries ORDER BY rowid').all() as OutboxRow[];
  } finally {
    db.close();
  }
}

/** The prefect's delivery log through the socket. */
export function deliveryLog(client: Client, request: unknown = { limit: 500 }): Promise<DeliveriesResponse> {
  return client.socket.timeout(5000).emitWithAck('deliveries', request);
}
