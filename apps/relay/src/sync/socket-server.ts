import {
  ANSWER_BOUNDS,
  CHANNELS,
  LIMITS,
  parseMutation,
  parseWith,
  PENDING_STATUSES,
  protocolError,
  PROTOCOL_VERSION,
  pullRequestSchema,
  pushRequestSchema,
  ROTATE_TOKEN_CHANNEL,
  rotateTokenRequestSchema,
  visibilityClass,
  type DeliveriesResponse,
  type LiveEvents,
  type Mutation,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  type RotateTokenResponse,
  type SessionInfo,
} from '@contact-desk/shared';
import type { EventEmitter } from 'node:events';
import type { RelayServer } from '../http/http-server.js';
import { Server, type Socket } from 'socket.io';
import { hashSecret } from '../auth/secrets.js';
import { rotateDeviceToken } from '../auth/token-rotation.js';
import { DEFAULT_LIMITS, type RelayLimits } from '../config.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { RelayCore } from '../core/relay-core.js';
import type { Session } from '../core/session.js';
import type { Logger } from '../logger.js';
import { NO_METRICS, type SocketMetrics } from '../monitoring/relay-metrics.js';
import { answerDeliveries } from '../outreach/delivery-log.js';
import type { OutboxStore } from '../storage/outbox-store.js';
import type { Storage } from '../storage/storage.js';
import { binaryRefusal } from './binary-guard.js';
import { classRoom, LiveFanout } from './live-fanout.js';
import { PushRateLimit } from './push-rate-limit.js';

interface ClientToServer {
  push: (payload: unknown, ack: (response: PushResponse) => void) => void;
  pull: (payload: unknown, ack: (response: PullResponse) => void) => void;
  rotateToken: (payload: unknown, ack: (response: RotateTokenResponse) => void) => void;
  deliveries: (payload: unknown, ack: (response: DeliveriesResponse) => void) => void;
}
interface ServerToClient {
  events: (message: LiveEvents) => void;
  session: (info: SessionInfo) => void;
}
interface SocketData {
  session: Session;
  /** Hash of the token this connection was opened with (or rotated to): what a rotation replaces. */
  tokenHash: string;
}
type RelaySocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type RelayIo = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export interface SocketServerOptions {
  readonly limits?: RelayLimits;
  /** The relay's clock, for the push rate limit. */
  readonly clock?: Clock;
  /** Where token rotation swaps a device's token. */
  readonly credentials?: Pick<Storage, 'replaceDeviceToken'>;
  /** The prefect's delivery log (`deliveries` channel). */
  readonly deliveryLog?: Pick<OutboxStore, 'deliveryPage'>;
  /** Counts connections, pulls and what the socket layer refuses on its own. */
  readonly metrics?: SocketMetrics;
}

function connectError(code: 'unauthenticated' | 'unsupported_protocol' | 'storage_unavailable', message: string): Error {
  const error = new Error(message) as Error & { data: unknown };
  error.data = protocolError(code, message);
  return error;
}

/** The socket side of the relay: handshake auth, push, pull, live fan-out, receipts. */
export function attachSocketServer(
  http: RelayServer,
  core: RelayCore,
  log: Logger,
  corsOrigin: string,
  options: SocketServerOptions = {},
): RelayIo {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const io: RelayIo = new Server(http, {
    serveClient: false,
    // A larger frame closes the connection at the transport, before any parsing.
    maxHttpBufferSize: limits.maxMessageBytes,
    cors: { origin: corsOrigin === '*' ? true : corsOrigin.split(',') },
  });
  const fanout = new LiveFanout();
  const pushRate = new PushRateLimit(limits.mutationsPerSecond, limits.mutationBurst, options.clock ?? systemClock);
  const metrics = options.metrics ?? NO_METRICS;

  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    if (auth.protocolVersion !== undefined && auth.protocolVersion !== PROTOCOL_VERSION) {
      next(connectError('unsupported_protocol', `This relay speaks protocol ${PROTOCOL_VERSION}.`));
      return;
    }
    void core.authenticate(auth.token).then((session) => {
      if ('code' in session) {
        next(connectError(session.code === 'storage_unavailable' ? 'storage_unavailable' : 'unauthenticated', session.message));
        return;
      }
      socket.data.session = session;
      socket.data.tokenHash = hashSecret(auth.token as string);
      next();
    });
  });

  io.on('connection', (socket: RelaySocket) => {
    const { session } = socket.data;
    const room = classRoom(session.user);
    fanout.track(visibilityClass(session.user), core.headSeq);
    void socket.join([room, `user:${session.user.id}`, `device:${session.device.id}`]);
    log.info({ userId: session.user.id, deviceId: session.device.id, role: session.user.role }, 'device connected');
    metrics.deviceConnected(session.user.role);
    socket.emit(CHANNELS.session, {
      protocolVersion: PROTOCOL_VERSION,
      actor: session.actor,
      headSeq: core.headSeq,
      serverTime: core.serverTime(),
      policy: core.view.policy,
    });

    // Socket.IO hands the acknowledgement to a handler as its last argument, whatever comes
    // before it: a push or pull sent with no payload, or with more than one, would never be
    // answered and its client would wait for its timeout.
    socket.use(([channel, ...args], next) => {
      const ack = args.at(-1);
      const withPayload = [CHANNELS.push, CHANNELS.pull, CHANNELS.deliveries, ROTATE_TOKEN_CHANNEL].includes(channel as string);
      if (withPayload && typeof ack === 'function' && args.length !== 2) {
        (ack as (response: unknown) => void)({
          ok: false,
          error: protocolError('invalid_payload', `A ${channel} carries exactly one payload; this one had ${args.length - 1}.`),
        });
        return;
      }
      const binary = binaryRefusal(typeof ack === 'function' ? args.slice(0, -1) : args);
      if (binary) {
        if (typeof ack === 'function') (ack as (response: unknown) => void)({ ok: false, error: binary });
        return;
      }
      next();
    });

    socket.on(CHANNELS.push, (payload, ack) => {
      if (typeof ack !== 'function') return;
      const answer = (response: PushResponse) => {
        if (!response.ok) metrics.pushRefused(response.error.code);
        ack(response);
      };
      void handlePush(core, session, payload, pushRate, log, metrics).then(answer, (error: unknown) => {
        log.error({ err: error }, 'push failed');
        answer({ ok: false, error: protocolError('internal', 'The relay failed to handle this push.') });
      });
    });

    socket.on(CHANNELS.pull, (payload, ack) => {
      if (typeof ack !== 'function') return;
      const request = parseWith(pullRequestSchema, payload, 'pull request');
      if (!request.ok) {
        ack({ ok: false, error: request.error });
        return;
      }
      const current = core.refresh(session);
      if (!current) {
        ack({ ok: false, error: protocolError('unauthenticated', 'This device or user was revoked.') });
        socket.disconnect(true);
        return;
      }
      void core.pull(current.user, request.value.afterSeq, request.value.limit, request.value.afterHash).then((response) => {
        ack(response);
        if (response.ok) metrics.pulled(response.events.length);
        if (response.ok && session.user.role === 'liaison') {
          const created = response.events.flatMap((e) => (e.type === 'request.created' ? [e.payload.request.id] : []));
          recordReceipts(core, created, session.device.id);
        }
      });
    });

    socket.on(ROTATE_TOKEN_CHANNEL, (payload, ack) => {
      if (typeof ack !== 'function') return;
      if (!options.credentials) {
        ack({ ok: false, error: protocolError('not_found', 'This relay does not rotate tokens.') });
        return;
      }
      const request = parseWith(rotateTokenRequestSchema, payload, 'rotateToken request');
      if (!request.ok) {
        ack({ ok: false, error: request.error });
        return;
      }
      void rotateDeviceToken(core, options.credentials, session, socket.data.tokenHash, request.value.tokenHash).then((rotation) => {
        if (rotation.tokenHash) {
          socket.data.tokenHash = rotation.tokenHash;
          log.info({ userId: session.user.id, deviceId: session.device.id }, 'device token rotated');
        } else if (!rotation.response.ok) {
          log.warn({ deviceId: session.device.id, reason: rotation.response.error.code }, 'token rotation refused');
        }
        ack(rotation.response);
      });
    });

    socket.on(CHANNELS.deliveries, (payload, ack) => {
      if (typeof ack === 'function') void answerDeliveries(core, session, payload, options.deliveryLog, log).then(ack);
    });

    // A message on a channel the relay does not have gets a typed answer when it asks for one,
    // rather than leaving the client waiting for its ack timeout.
    socket.onAny((channel: unknown, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (typeof ack !== 'function' || (socket as unknown as EventEmitter).listenerCount(String(channel)) > 0) return;
      (ack as (response: unknown) => void)({
        ok: false,
        error: protocolError('not_found', `No channel "${String(channel).slice(0, 64)}".`),
      });
    });

    socket.on('disconnect', () => {
      metrics.deviceDisconnected(session.user.role);
      if ((io.sockets.adapter.rooms.get(room)?.size ?? 0) === 0) fanout.untrack(visibilityClass(session.user));
    });
  });

  core.onCommitted((committed) => {
    for (const [visibility, message] of fanout.messages(committed.events, committed.head)) {
      const room = `class:${visibility}`;
      io.to(room).emit(CHANNELS.events, message);
      if (visibility.startsWith('platform:')) {
        const created = message.events.flatMap((e) => (e.type === 'request.created' ? [e.payload.request.id] : []));
        const deviceId = firstDeviceIn(io, room);
        if (created.length > 0 && deviceId) recordReceipts(core, created, deviceId);
      }
    }
    for (const userId of committed.revokedUsers) io.in(`user:${userId}`).disconnectSockets(true);
    for (const deviceId of committed.revokedDevices) io.in(`device:${deviceId}`).disconnectSockets(true);
  });

  return io;
}

async function handlePush(
  core: RelayCore,
  connected: Session,
  payload: unknown,
  pushRate: PushRateLimit,
  log: Logger,
  metrics: SocketMetrics,
): Promise<PushResponse> {
  const session = core.refresh(connected);
  if (!session) return { ok: false, error: protocolError('unauthenticated', 'This device or user was revoked.') };
  const request = parseWith(pushRequestSchema, payload, 'push request');
  if (!request.ok) return { ok: false, error: request.error };
  // Refused as a whole before any mutation is looked at: nothing is decided or recorded, so the
  // client keeps them all in its outbox and sends the same ids again after the delay.
  const admission = pushRate.take(session.device.id, request.value.mutations.length);
  if (!admission.ok) {
    log.warn(
      { deviceId: session.device.id, mutations: request.value.mutations.length, retryAfterMs: admission.retryAfterMs },
      'push rate limited',
    );
    return {
      ok: false,
      error: protocolError('rate_limited', 'Too many changes from this device; send them again after the delay.', {
        retryAfterMs: admission.retryAfterMs,
      }),
    };
  }
  const results: (MutationResult | undefined)[] = [];
  const valid: Mutation[] = [];
  // The push's answer is bounded as a whole: its mutations share the bound of their errors.
  const errorBytes = Math.min(ANSWER_BOUNDS.bytes, Math.floor(ANSWER_BOUNDS.pushBytes / request.value.mutations.length));
  for (const raw of request.value.mutations) {
    const parsed = parseMutation(raw, errorBytes);
    if (parsed.ok) {
      valid.push(parsed.value);
      results.push(undefined);
    } else {
      metrics.mutationAnswered(typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : '', parsed.error.code);
      results.push({ mutationId: parsed.mutationId ?? '', status: 'rejected', error: parsed.error });
    }
  }
  const decided = valid.length > 0 ? await core.submit(session, valid) : [];
  let next = 0;
  return { ok: true, results: results.map((result) => result ?? (decided[next++] as MutationResult)) };
}

function firstDeviceIn(io: RelayIo, room: string): string | undefined {
  const ids = io.sockets.adapter.rooms.get(room);
  if (!ids) return undefined;
  for (const id of ids) {
    const session = io.sockets.sockets.get(id)?.data.session;
    if (session) return session.device.id;
  }
  return undefined;
}

/** Records the receipt of each pending request a device (or an API key's tool) was just given. */
export function recordReceipts(core: RelayCore, requestIds: readonly string[], deviceId: string): void {
  for (const requestId of requestIds.slice(0, LIMITS.pullPageMax)) {
    const request = core.view.requests.get(requestId);
    if (request && request.receivedAt === null && PENDING_STATUSES.includes(request.status)) {
      void core.recordReceipt(requestId, deviceId);
    }
  }
}
