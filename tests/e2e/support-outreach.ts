import type { NotificationAttempt } from '@contact-desk/shared';
import type { SmtpSink } from '../../apps/relay/test/outreach/smtp-sink';
import { freePort } from '../support/relay-process';

/**
 * The relay's outreach made real for the browser tests: its mail goes to an SMTP server the test
 * started, its webhooks to HTTP receivers (or to a port nobody listens on), and a delivery that
 * keeps failing is given up within about a second. What the relay recorded is read from its file.
 */

/** The ministry's duty address: told by mail of every delivery the relay gave up. */
export const DUTY_EMAIL = 'permanence@interieur.example';

/** Relay settings: mail through `sink`, and a failing delivery retried once or twice, then given up after a second. */
export function outreachEnv(sink: SmtpSink): Readonly<Record<string, string>> {
  return {
    CONTACT_DESK_SMTP_URL: sink.url,
    CONTACT_DESK_DUTY_EMAIL: DUTY_EMAIL,
    CONTACT_DESK_DELIVERY_GIVE_UP_MS: '1000',
    CONTACT_DESK_DELIVERY_RETRY_BASE_MS: '1000',
    CONTACT_DESK_DELIVERY_RETRY_MAX_MS: '1000',
    CONTACT_DESK_DELIVERY_TIMEOUT_MS: '5000',
  };
}

/** An address on loopback where nothing listens: every try is refused. */
export async function closedUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/hook`;
}

interface Query {
  query<T>(sql: string, ...params: unknown[]): T[];
}

/** A try the relay recorded, with the relay's time and who may see it. */
export interface RecordedAttempt extends NotificationAttempt {
  readonly seq: number;
  readonly serverTime: number;
  readonly audience: string;
}

/** The `notification.attempted` events of the relay's log about a request, in order. */
export function attemptsOf(fixture: Query, requestId: string): RecordedAttempt[] {
  return fixture
    .query<{ seq: number; server_time: number; audience: string; payload: string }>(
      "select seq, server_time, audience, payload from events where type = 'notification.attempted' order by seq",
    )
    .map((row) => ({
      ...(JSON.parse(row.payload) as NotificationAttempt),
      seq: row.seq,
      serverTime: row.server_time,
      audience: row.audience,
    }))
    .filter((attempt) => attempt.requestId === requestId);
}

/** A row of the relay's outbox. */
export interface OutboxRow {
  readonly id: string;
  readonly channel: 'email' | 'webhook';
  readonly target: string;
  readonly target_name: string | null;
  readonly status: 'pending' | 'delivered' | 'abandoned';
  readonly attempts: number;
  readonly last_detail: string | null;
}

/** The relay's outbox rows about a request (or all of them), in the order they were planned. */
export function outboxOf(fixture: Query, requestId?: string): OutboxRow[] {
  const columns = 'id, channel, target, target_name, status, attempts, last_detail';
  return requestId === undefined
    ? fixture.query<OutboxRow>(`select ${columns} from deliveries order by rowid`)
    : fixture.query<OutboxRow>(`select ${columns} from deliveries where request_id = ? order by rowid`, requestId);
}

/** Whether every delivery about a request has been delivered or given up. */
export function settled(fixture: Query, requestId: string): boolean {
  const rows = outboxOf(fixture, requestId);
  return rows.length > 0 && rows.every((row) => row.status !== 'pending');
}
