/**
 * A relay for the limits and credentials tests: like the harness, but with chosen limits, an
 * admin secret and a logger of the test's choosing, and HTTP calls from a chosen loopback address
 * (the whole 127.0.0.0/8 reaches a relay on 127.0.0.1, so each address is a distinct source).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId, type ProtocolError, type Role } from '@contact-desk/shared';
import { perform } from '../src/cli/admin-actions.js';
import { DEFAULT_LIMITS, type RelayLimits } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { ProxyTrust } from '../src/http/proxy-trust.js';
import { silentLogger, type Logger } from '../src/logger.js';
import { startRelay, type RunningRelay } from '../src/server.js';
import { connectDevice, refusedHandshake, T0, type Client } from './harness.js';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface Enrolled {
  readonly userId: string;
  readonly token: string;
  readonly deviceId: string;
}

export interface LimitsRelayOptions {
  readonly limits?: Partial<RelayLimits>;
  readonly logger?: Logger;
  readonly adminSecret?: string;
  /** `--trust-proxy` as given on the command line. */
  readonly trustProxy?: string;
}

export class LimitsRelay {
  private readonly clients: Client[] = [];

  private constructor(
    public relay: RunningRelay,
    readonly clock: ManualClock,
    readonly dataDir: string,
    private readonly options: LimitsRelayOptions,
  ) {}

  static async start(options: LimitsRelayOptions = {}): Promise<LimitsRelay> {
    const dataDir = mkdtempSync(join(tmpdir(), 'relay-limits-'));
    const clock = new ManualClock(T0);
    return new LimitsRelay(await LimitsRelay.open(dataDir, clock, options), clock, dataDir, options);
  }

  private static open(dataDir: string, clock: ManualClock, options: LimitsRelayOptions): Promise<RunningRelay> {
    return startRelay(
      {
        host: '127.0.0.1',
        port: 0,
        dataDir,
        corsOrigin: '*',
        deadlineCheckMs: 0,
        logLevel: 'trace',
        limits: { ...DEFAULT_LIMITS, ...options.limits },
        trustProxy: ProxyTrust.parse(options.trustProxy),
      },
      { clock, logger: options.logger ?? silentLogger, adminSecret: options.adminSecret },
    );
  }

  /** Stops the relay and starts a new one on the same file and clock (a new port). */
  async restart(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await this.relay.close();
    this.relay = await LimitsRelay.open(this.dataDir, this.clock, this.options);
  }

  get headSeq(): number {
    return this.relay.core.headSeq;
  }

  async platform(platformId: string): Promise<void> {
    await perform(this.relay.core, 'platform.create', { platformId, name: platformId, kind: 'platform' });
  }

  async createUser(role: Role, platformId: string | null = null): Promise<{ userId: string; code: string }> {
    const userId = newId();
    const result = await perform(this.relay.core, 'user.create', { userId, name: `${role} ${userId.slice(-6)}`, role, platformId });
    const code = result.data?.enrollmentCode;
    if (!code) throw new Error('no enrollment code');
    return { userId, code };
  }

  async issueCode(userId: string): Promise<string> {
    const result = await perform(this.relay.core, 'user.issueEnrollmentCode', { userId });
    const code = result.data?.enrollmentCode;
    if (!code) throw new Error('no enrollment code');
    return code;
  }

  /** An HTTP request over a real socket, from `localAddress`. */
  http(
    method: string,
    path: string,
    body: string | undefined,
    { localAddress = '127.0.0.1', headers = {} }: { localAddress?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.relay.port,
          method,
          path,
          localAddress,
          headers: { 'content-type': 'application/json', ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: <T>() => JSON.parse(text) as T });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  enroll(code: string, localAddress = '127.0.0.1', deviceLabel = 'laptop', headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.http('POST', '/enroll', JSON.stringify({ code, deviceLabel }), { localAddress, headers });
  }

  async user(role: Role, platformId: string | null = null): Promise<Enrolled> {
    const { userId, code } = await this.createUser(role, platformId);
    const answer = await this.enroll(code);
    if (answer.status !== 200) throw new Error(`enrollment failed: ${answer.status} ${answer.body}`);
    const body = answer.json<{ token: string; deviceId: string }>();
    return { userId, token: body.token, deviceId: body.deviceId };
  }

  async connect(token: string): Promise<Client> {
    const client = await connectDevice(this.relay.url, token);
    this.clients.push(client);
    return client;
  }

  refusedConnect(token: unknown): Promise<ProtocolError> {
    return refusedHandshake(this.relay.url, token);
  }

  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) client.close();
    await this.relay.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
