/**
 * Test harness: a real relay (HTTP + Socket.IO + SQLite file in a temp dir) driven by a
 * ManualClock, real users created through the CLI helpers, real enrollment over HTTP and real
 * socket.io-client connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  newId,
  PROTOCOL_VERSION,
  type DomainEvent,
  type LoggedEvent,
  type LiveEvents,
  type MutationResult,
  type MutationType,
  type ProtocolError,
  type PullResponse,
  type PushResponse,
  type Role,
  type SessionInfo,
} from '@contact-desk/shared';
import { io, type Socket } from 'socket.io-client';
import { perform } from '../src/cli/admin-actions.js';
import type { RelayConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { silentLogger } from '../src/logger.js';
import { startRelay, type RunningRelay, type StartOptions } from '../src/server.js';
import { waitFor } from './wait-for.js';

export { waitFor };

/** 2026-03-10 09:00 UTC: every test starts the relay's clock here. */
export const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);
export const MINUTE = 60_000;

export interface WireMutation {
  mutationId: string;
  type: string;
  args: unknown;
  clientTime: number | null;
}

/** A mutation as a client would send it, with a fresh UUIDv7. */
export function mutation(type: MutationType | string, args: unknown, clientTime: number | null = null): WireMutation {
  return { mutationId: newId(), type, args, clientTime };
}

export function createRequestArgs(platformId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestId: newId(),
    platformId,
    kind: 'removal',
    priority: 'P0',
    items: [`https://video.example/watch/${newId()}`],
    category: 'terrorism_apology',
    grounds: 'Apologie du terrorisme.',
    ...overrides,
  };
}

export interface EnrolledUser {
  readonly userId: string;
  readonly role: Role;
  readonly platformId: string | null;
  readonly token: string;
  readonly deviceId: string;
}

/** One connected device. */
export class Client {
  /** Every live `events` message, in arrival order. */
  readonly live: LiveEvents[] = [];
  session: SessionInfo | undefined;

  constructor(readonly socket: Socket) {
    socket.on('events', (message: LiveEvents) => this.live.push(message));
    socket.on('session', (info: SessionInfo) => (this.session = info));
  }

  /** Every live event received, flattened. */
  get events(): DomainEvent[] {
    return this.live.flatMap((message) => message.events);
  }

  push(mutations: unknown): Promise<PushResponse> {
    return this.socket.timeout(5000).emitWithAck('push', { mutations });
  }

  /** Sends any raw payload on the push channel. */
  pushRaw(payload: unknown): Promise<PushResponse> {
    return this.socket.timeout(5000).emitWithAck('push', payload);
  }

  /** Pushes one mutation and returns its result. */
  async send(one: WireMutation): Promise<MutationResult> {
    const response = await this.push([one]);
    if (!response.ok) throw new Error(`push refused: ${response.error.code}`);
    const [result] = response.results;
    if (!result) throw new Error('no result');
    return result;
  }

  async act(type: MutationType, args: unknown, clientTime: number | null = null): Promise<MutationResult> {
    return this.send(mutation(type, args, clientTime));
  }

  pull(afterSeq: unknown, limit?: unknown): Promise<PullResponse> {
    const payload = limit === undefined ? { afterSeq } : { afterSeq, limit };
    return this.socket.timeout(5000).emitWithAck('pull', payload);
  }

  pullRaw(payload: unknown): Promise<PullResponse> {
    return this.socket.timeout(5000).emitWithAck('pull', payload);
  }

  /** Waits until a live event matches. */
  waitForEvent(match: (event: DomainEvent) => boolean, what = 'a live event'): Promise<DomainEvent> {
    return waitFor(() => this.events.find(match), what);
  }

  waitForDisconnect(): Promise<string> {
    if (!this.socket.connected) return Promise.resolve('already disconnected');
    return new Promise((resolve) => this.socket.once('disconnect', (reason) => resolve(reason)));
  }

  close(): void {
    this.socket.disconnect();
  }
}

function deviceSocket(url: string, token: unknown): Socket {
  return io(url, { auth: { token, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** Connects a device to a relay and waits for its `session` message. */
export async function connectDevice(url: string, token: string): Promise<Client> {
  const client = new Client(deviceSocket(url, token));
  await new Promise<void>((resolve, reject) => {
    client.socket.once('connect_error', reject);
    client.socket.once('session', () => resolve());
  });
  return client;
}

/** Tries to connect with a token the relay should refuse; returns its typed error. */
export async function refusedHandshake(url: string, token: unknown): Promise<ProtocolError> {
  const socket = deviceSocket(url, token);
  try {
    return await new Promise<ProtocolError>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected although it should be refused')));
      socket.once('connect_error', (error: Error & { data?: ProtocolError }) => (error.data ? resolve(error.data) : reject(error)));
    });
  } finally {
    socket.disconnect();
  }
}

/** What a test may add to the relay's configuration and start options (e.g. outreach and its transports). */
export interface HarnessOptions {
  readonly config?: Partial<RelayConfig>;
  readonly start?: Omit<StartOptions, 'clock'>;
}

export class Harness {
  readonly clients: Client[] = [];

  private constructor(
    public relay: RunningRelay,
    readonly clock: ManualClock,
    readonly dataDir: string,
    private readonly options: HarnessOptions,
  ) {}

  static async start(
    dataDir = mkdtempSync(join(tmpdir(), 'relay-test-')),
    clock = new ManualClock(T0),
    options: HarnessOptions = {},
  ): Promise<Harness> {
    const harness = new Harness(await startRelay(configFor(dataDir, options), startOptions(clock, options)), clock, dataDir, options);
    open.add(harness);
    return harness;
  }

  get core(): RunningRelay['core'] {
    return this.relay.core;
  }

  get headSeq(): number {
    return this.relay.core.headSeq;
  }

  /** The PostgreSQL database the relay keeps its record in (`options.config.databaseUrl`); undefined: the data folder's SQLite file. */
  get databaseUrl(): string | undefined {
    return this.options.config?.databaseUrl;
  }

  /** Closes the relay (and its clients) and starts a new one on the same data dir and clock. */
  async restart(): Promise<void> {
    this.disconnectAll();
    await this.relay.close();
    this.relay = await startRelay(configFor(this.dataDir, this.options), startOptions(this.clock, this.options));
  }

  async platform(platformId: string, name = platformId): Promise<void> {
    await perform(this.core, 'platform.create', { platformId, name, kind: 'platform' });
  }

  /** Creates a user with the CLI helpers; returns the one-time enrollment code. `fields`: name, email, phone… */
  async createUser(
    role: Role,
    platformId: string | null = null,
    fields: Record<string, unknown> = {},
  ): Promise<{ userId: string; code: string }> {
    const userId = newId();
    const result = await perform(this.core, 'user.create', {
      userId,
      name: `${role} ${userId.slice(-6)}`,
      role,
      platformId,
      ...fields,
    });
    const code = result.data?.enrollmentCode;
    if (!code) throw new Error('no enrollment code');
    return { userId, code };
  }

  /** POST /enroll over real HTTP. */
  enrollHttp(body: unknown, raw = false): Promise<Response> {
    return fetch(`${this.relay.url}/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ? (body as string) : JSON.stringify(body),
    });
  }

  /** Creates a user and enrolls one device for them over HTTP. */
  async user(role: Role, platformId: string | null = null, fields: Record<string, unknown> = {}): Promise<EnrolledUser> {
    const { userId, code } = await this.createUser(role, platformId, fields);
    const response = await this.enrollHttp({ code, deviceLabel: `${role} laptop` });
    const body = (await response.json()) as { ok: boolean; token: string; deviceId: string };
    if (response.status !== 200 || !body.ok) throw new Error(`enrollment failed: ${response.status}`);
    return { userId, role, platformId, token: body.token, deviceId: body.deviceId };
  }

  /** Connects a device and waits for the relay's `session` message. */
  async connect(user: EnrolledUser | string): Promise<Client> {
    const client = await connectDevice(this.relay.url, typeof user === 'string' ? user : user.token);
    this.clients.push(client);
    return client;
  }

  /** Tries to connect with a token that should be refused; returns the typed error. */
  refusedConnect(token: unknown): Promise<ProtocolError> {
    return refusedHandshake(this.relay.url, token);
  }

  /** Events the system (prefect view) sees after a seq, straight from the store. */
  async eventsAfter(afterSeq: number): Promise<LoggedEvent[]> {
    const page = await this.core.pull({ role: 'prefect', platformId: null }, afterSeq, 1000);
    if (!page.ok) throw new Error(page.error.message);
    return [...page.events];
  }

  private disconnectAll(): void {
    for (const client of this.clients.splice(0)) client.close();
  }

  async close(): Promise<void> {
    open.delete(this);
    this.disconnectAll();
    await this.relay.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function configFor(dataDir: string, options: HarnessOptions = {}): RelayConfig {
  return { host: '127.0.0.1', port: 0, dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent', ...options.config };
}

function startOptions(clock: ManualClock, options: HarnessOptions): StartOptions {
  return { logger: silentLogger, ...options.start, clock };
}

const open = new Set<Harness>();

/** For `afterEach`: closes every relay a test started, with its clients and temp dir. */
export async function closeAll(): Promise<void> {
  await Promise.all([...open].map((harness) => harness.close()));
}

/** A relay with one ministry operator and one liaison on each of two platforms, all connected. */
export async function standardSetup() {
  const h = await Harness.start();
  await h.platform('alpha', 'Alpha');
  await h.platform('beta', 'Beta');
  const operator = await h.user('operator');
  const liaisonA = await h.user('liaison', 'alpha');
  const liaisonB = await h.user('liaison', 'beta');
  return { h, operator, liaisonA, liaisonB };
}

/** Creates a request through the operator's socket and returns its id, ref and result. */
export async function createRequest(operator: Client, platformId: string, overrides: Record<string, unknown> = {}) {
  const args = createRequestArgs(platformId, overrides);
  const result = await operator.act('request.create', args);
  if (result.status !== 'accepted') throw new Error(`request.create rejected: ${result.error.code}`);
  return { requestId: args.requestId as string, ref: result.data?.ref ?? '', result };
}
