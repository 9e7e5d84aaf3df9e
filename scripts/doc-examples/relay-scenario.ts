/**
 * The worked example of docs/protocol.md §19, played against a real relay: HTTP, Socket.IO and
 * the SQLite log in a temporary folder. The relay's clock is a manual one set before each step,
 * and ids come from a counter (`sequentialIds`), so every time, id, seq and hash of the run is
 * the same on every run. Only the secrets stay random: the enrollment code and the device token,
 * which never enter the log; `standIns` maps them to fixed stand-ins of the same format.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PROTOCOL_VERSION,
  newId,
  sequentialIds,
  useIdSource,
  type EnrollResponse,
  type LiveEvents,
  type PullResponse,
  type PushResponse,
  type SessionInfo,
} from '@contact-desk/shared';
import { io, type Socket } from 'socket.io-client';
import { perform } from '../../apps/relay/src/cli/admin-actions.js';
import { ManualClock } from '../../apps/relay/src/core/clock.js';
import { silentLogger } from '../../apps/relay/src/logger.js';
import { startRelay, type RunningRelay } from '../../apps/relay/src/server.js';

/** The times of the story, on 2026-01-05 (UTC). */
export const AT = {
  setup: Date.UTC(2026, 0, 5, 9, 0),
  requestCreated: Date.UTC(2026, 0, 5, 10, 0),
  camilleEnrolls: Date.UTC(2026, 0, 5, 10, 6),
  camillePulls: Date.UTC(2026, 0, 5, 10, 6, 0, 120),
  camilleAcknowledges: Date.UTC(2026, 0, 5, 10, 7, 0, 4),
  camilleClicked: Date.UTC(2026, 0, 5, 10, 6, 59, 500),
  colleagueAcknowledges: Date.UTC(2026, 0, 5, 10, 7, 30),
} as const;

export const CODE_STAND_IN = '7KQ3-M9XD-2HFW';

export interface Frames {
  readonly enrollRequest: { readonly code: string; readonly deviceLabel: string };
  readonly enrollResponse: {
    readonly status: number;
    readonly contentType: string;
    readonly cacheControl: string;
    readonly body: Enrolled;
  };
  readonly auth: { readonly token: string; readonly protocolVersion: number };
  readonly session: SessionInfo;
  readonly pullRequest: { readonly afterSeq: number; readonly limit: number };
  readonly pullResponse: PullResponse;
  readonly receiptLive: LiveEvents;
  readonly pushRequest: { readonly mutations: readonly WireMutation[] };
  readonly acknowledgedLive: LiveEvents;
  readonly pushResponse: PushResponse;
  readonly resentResponse: PushResponse;
  readonly colleagueResponse: PushResponse;
  /** The seqs the log held before Camille enrolled. */
  readonly headBefore: number;
  /** [secret of the run, its stand-in]: replaced wherever the examples show them. */
  readonly standIns: readonly (readonly [string, string])[];
}

interface WireMutation {
  readonly mutationId: string;
  readonly type: string;
  readonly args: Record<string, unknown>;
  readonly clientTime: number | null;
}

/** A device token's random part replaced by a fixed one of the same format (43 base64url characters). */
function tokenStandIn(token: string, label: string): string {
  const fixed = createHash('sha256').update(`stand-in token: ${label}`).digest('base64url');
  return `${token.slice(0, token.indexOf('.') + 1)}${fixed}`;
}

/** The enrollment code as a person types it: lower case, spaces for dashes. */
const typed = (code: string) => code.toLowerCase().replaceAll('-', ' ');

/** Resolves with the next message of a channel (registered before the step that causes it). */
function next<T>(socket: Socket, channel: string): Promise<T> {
  return new Promise((resolve) => socket.once(channel, resolve));
}

async function connect(relay: RunningRelay, token: string): Promise<{ socket: Socket; session: SessionInfo }> {
  const socket = io(relay.url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const session = await new Promise<SessionInfo>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('session', resolve);
  });
  return { socket, session };
}

type Enrolled = Extract<EnrollResponse, { ok: true }>;

async function enroll(relay: RunningRelay, code: string, deviceLabel: string): Promise<{ response: Response; body: Enrolled }> {
  const response = await fetch(`${relay.url}/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceLabel }),
  });
  const body = (await response.json()) as EnrollResponse;
  if (!body.ok) throw new Error(`enrollment refused: ${body.error.message}`);
  return { response, body };
}

async function userWithCode(relay: RunningRelay, fields: Record<string, unknown>): Promise<string> {
  const result = await perform(relay.core, 'user.create', { userId: newId(), ...fields });
  const code = result.data?.enrollmentCode;
  if (!code) throw new Error('no enrollment code');
  return code;
}

function acknowledge(requestId: string, clientTime: number): WireMutation {
  return { mutationId: newId(), type: 'request.acknowledge', args: { requestId }, clientTime };
}

/** Pushes mutations and waits for the acknowledgement of the push. */
function push(socket: Socket, mutations: readonly WireMutation[]): Promise<PushResponse> {
  return socket.timeout(10_000).emitWithAck('push', { mutations });
}

/** Plays the story and returns every frame it shows. */
export async function playWorkedExample(): Promise<Frames> {
  const clock = new ManualClock(AT.setup);
  const restoreIds = useIdSource(sequentialIds(() => clock.now()));
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-desk-examples-'));
  const relay = await startRelay(
    { host: '127.0.0.1', port: 0, dataDir, corsOrigin: '*', deadlineCheckMs: 0, logLevel: 'silent' },
    { clock, logger: silentLogger },
  );
  const sockets: Socket[] = [];
  const online = async (token: string) => {
    const connected = await connect(relay, token);
    sockets.push(connected.socket);
    return connected;
  };
  try {
    // Before the story: the platform, three people, and a P0 request from the ministry's operator.
    await perform(relay.core, 'platform.create', { platformId: 'meta', name: 'Meta', kind: 'platform' });
    const leaCode = await userWithCode(relay, { name: 'Léa Dubois', role: 'operator', team: 'PHAROS' });
    const camilleCode = await userWithCode(relay, { name: 'Camille Martin', role: 'liaison', platformId: 'meta' });
    const sophieCode = await userWithCode(relay, { name: 'Sophie Laurent', role: 'liaison', platformId: 'meta' });
    const lea = await online((await enroll(relay, leaCode, 'Léa - desktop')).body.token);
    const sophie = (await enroll(relay, sophieCode, 'Sophie - phone')).body;
    clock.set(AT.requestCreated);
    const requestId = newId();
    const created = await push(lea.socket, [
      {
        mutationId: newId(),
        type: 'request.create',
        args: {
          requestId,
          platformId: 'meta',
          kind: 'removal',
          priority: 'P0',
          items: ['https://www.facebook.com/watch/?v=123456&fbclid=abc'],
          category: 'terrorism_apology',
          grounds: "Video glorifying yesterday's attack.",
          pharosRef: 'PH-2026-4411',
          doNotInform: true,
        },
        clientTime: AT.requestCreated - 1000,
      },
    ]);
    if (!created.ok || created.results[0]?.status !== 'accepted') throw new Error('request.create was not accepted');
    const headBefore = relay.core.headSeq;

    // 1. Camille enrolls a new laptop, typing the code in lower case with spaces.
    clock.set(AT.camilleEnrolls);
    const enrollRequest = { code: typed(camilleCode), deviceLabel: 'Camille - laptop' };
    const camille = await enroll(relay, enrollRequest.code, enrollRequest.deviceLabel);
    const token = camille.body.token;
    // 2. She connects; 3. pulls from 0; 4. the pull's delivery is recorded as the receipt, live.
    const auth = { token, protocolVersion: PROTOCOL_VERSION };
    const { socket, session } = await online(token);
    clock.set(AT.camillePulls);
    const pullRequest = { afterSeq: 0, limit: 500 };
    const receipt = next<LiveEvents>(socket, 'events');
    const pullResponse: PullResponse = await socket.timeout(10_000).emitWithAck('pull', pullRequest);
    const receiptLive = await receipt;
    // 5. She acknowledges; 6. the live event; 7. the push's answer.
    clock.set(AT.camilleAcknowledges);
    const pushRequest = { mutations: [acknowledge(requestId, AT.camilleClicked)] };
    const acknowledged = next<LiveEvents>(socket, 'events');
    const pushResponse = await push(socket, pushRequest.mutations);
    const acknowledgedLive = await acknowledged;
    // Variations: the same envelope again after reconnecting, and a colleague's own acknowledgement.
    socket.disconnect();
    const resentResponse = await push((await online(token)).socket, pushRequest.mutations);
    clock.set(AT.colleagueAcknowledges);
    const colleague = await online(sophie.token);
    const colleagueResponse = await push(colleague.socket, [acknowledge(requestId, AT.colleagueAcknowledges - 700)]);
    return {
      enrollRequest,
      enrollResponse: {
        status: camille.response.status,
        contentType: camille.response.headers.get('content-type') ?? '',
        cacheControl: camille.response.headers.get('cache-control') ?? '',
        body: camille.body,
      },
      auth,
      session,
      pullRequest,
      pullResponse,
      receiptLive,
      pushRequest,
      acknowledgedLive,
      pushResponse,
      resentResponse,
      colleagueResponse,
      headBefore,
      standIns: [
        [token, tokenStandIn(token, enrollRequest.deviceLabel)],
        [camilleCode, CODE_STAND_IN],
        [typed(camilleCode), typed(CODE_STAND_IN)],
      ],
    };
  } finally {
    for (const open of sockets) open.disconnect();
    await relay.close();
    restoreIds();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
