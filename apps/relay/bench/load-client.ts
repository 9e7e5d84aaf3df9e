/**
 * The load process of the bench: runs the Socket.IO clients of one measurement in a process of
 * its own (so the server under test has its own core), then reports to the driver over IPC and
 * exits. Every loop is bounded by a count and by a time limit.
 */
import { newId, PROTOCOL_VERSION } from '@contact-desk/shared';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import {
  percentile,
  type BroadcastTask,
  type LatencyResult,
  type RttTask,
  type Task,
  type TaskResult,
  type ThroughputResult,
  type ThroughputTask,
  type WindowEdge,
} from './tasks.js';

interface PushAck {
  ok: boolean;
  results?: { mutationId: string; status: string; error?: { code: string; message: string } }[];
  error?: { code: string; message: string };
}

interface LiveMessage {
  events: { mutationId: string | null }[];
}

const sockets: Socket[] = [];

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 15_000,
      auth: { token, protocolVersion: PROTOCOL_VERSION },
    });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error) => reject(error));
  });
}

async function connectAll(url: string, tokens: readonly string[]): Promise<Socket[]> {
  const out: Socket[] = [];
  for (let i = 0; i < tokens.length; i += 50) {
    out.push(...(await Promise.all(tokens.slice(i, i + 50).map((token) => connect(url, token)))));
  }
  return out;
}

function commentPush(requestId: string, count: number, body = 'Bench comment: the item is still online.') {
  const mutations = [];
  for (let i = 0; i < count; i += 1) {
    mutations.push({
      mutationId: newId(),
      type: 'comment.add',
      args: { commentId: newId(), requestId, body, visibility: 'shared' },
      clientTime: Date.now(),
    });
  }
  return { mutations };
}

function push(socket: Socket, payload: unknown, timeoutMs = 10_000): Promise<PushAck> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit('push', payload, (error: Error | null, response: PushAck) => {
      resolve(error ? { ok: false, error: { code: 'timeout', message: error.message } } : response);
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function throughput(task: ThroughputTask): Promise<ThroughputResult> {
  const clients = await connectAll(task.url, task.tokens);
  let phase: 'warmup' | 'measure' | 'stop' = 'warmup';
  let accepted = 0;
  let rejected = 0;
  let pushes = 0;
  let outstanding = 0;
  let firstError: string | null = null;
  let drained: (() => void) | undefined;

  const pump = (socket: Socket, requestId: string) => {
    if (phase === 'stop') {
      if (outstanding === 0) drained?.();
      return;
    }
    outstanding += 1;
    void push(socket, commentPush(requestId, task.perPush)).then((ack) => {
      outstanding -= 1;
      if (phase === 'measure') {
        pushes += 1;
        if (!ack.ok) {
          firstError ??= `${ack.error?.code}: ${ack.error?.message}`;
          rejected += task.perPush;
        }
        for (const result of ack.results ?? []) {
          if (result.status === 'accepted') accepted += 1;
          else {
            rejected += 1;
            firstError ??= `${result.error?.code}: ${result.error?.message}`;
          }
        }
      }
      pump(socket, requestId);
    });
  };

  clients.forEach((socket, index) => {
    const requestId = task.requestIds[index % task.requestIds.length] ?? '';
    for (let k = 0; k < task.inFlight; k += 1) pump(socket, requestId);
  });
  await sleep(task.warmupMs);
  phase = 'measure';
  process.send?.({ kind: 'window', edge: 'start' } satisfies WindowEdge);
  const cpuAtStart = process.cpuUsage();
  const start = performance.now();
  await sleep(task.durationMs);
  phase = 'stop';
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuAtStart);
  process.send?.({ kind: 'window', edge: 'end' } satisfies WindowEdge);
  await Promise.race([new Promise<void>((resolve) => (drained = resolve)), sleep(10_000)]);
  return {
    kind: 'throughput',
    accepted,
    rejected,
    pushes,
    elapsedMs,
    perSecond: (accepted / elapsedMs) * 1000,
    loadCpuShare: (cpu.user + cpu.system) / 1000 / elapsedMs,
    serverCpuShare: null,
    firstError,
  };
}

function summary(samples: number[], missed: number, firstError: string | null): LatencyResult {
  samples.sort((a, b) => a - b);
  return {
    kind: 'latency',
    count: samples.length,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    max: samples.at(-1) ?? Number.NaN,
    missed,
    firstError,
  };
}

async function rtt(task: RttTask): Promise<LatencyResult> {
  const [socket] = await connectAll(task.url, [task.token]);
  if (!socket) throw new Error('no socket');
  const samples: number[] = [];
  let missed = 0;
  let firstError: string | null = null;
  const deadline = performance.now() + task.maxMs;
  for (let i = 0; i < task.warmup + task.samples && performance.now() < deadline; i += 1) {
    const payload = commentPush(task.requestId, 1);
    const start = performance.now();
    const ack = await push(socket, payload);
    const took = performance.now() - start;
    const ok = ack.ok && ack.results?.[0]?.status === 'accepted';
    if (!ok) {
      missed += 1;
      firstError ??= JSON.stringify(ack).slice(0, 200);
    } else if (i >= task.warmup) samples.push(took);
  }
  return summary(samples, missed, firstError);
}

async function broadcast(task: BroadcastTask): Promise<LatencyResult> {
  const receivers = await connectAll(task.url, task.receiverTokens);
  const [pusher] = await connectAll(task.url, [task.pusherToken]);
  if (!pusher) throw new Error('no pusher socket');
  const samples: number[] = [];
  let current: string | null = null;
  let sentAt = 0;
  let arrived = 0;
  let measuring = false;
  let allArrived: (() => void) | undefined;
  for (const socket of receivers) {
    socket.on('events', (message: LiveMessage) => {
      const now = performance.now();
      for (const event of message.events) {
        if (event.mutationId !== current || current === null) continue;
        if (measuring) samples.push(now - sentAt);
        arrived += 1;
        if (arrived === receivers.length) allArrived?.();
      }
    });
  }
  let missed = 0;
  let firstError: string | null = null;
  const deadline = performance.now() + task.maxMs;
  for (let round = 0; round < task.warmupRounds + task.rounds && performance.now() < deadline; round += 1) {
    measuring = round >= task.warmupRounds;
    const payload = commentPush(task.requestId, 1);
    const everyone = new Promise<void>((resolve) => (allArrived = resolve));
    arrived = 0;
    current = payload.mutations[0]?.mutationId ?? null;
    sentAt = performance.now();
    const ack = push(pusher, payload);
    await Promise.race([everyone, sleep(task.roundTimeoutMs)]);
    const answer = await ack;
    if (!answer.ok || answer.results?.[0]?.status !== 'accepted') firstError ??= JSON.stringify(answer).slice(0, 200);
    if (measuring) missed += receivers.length - arrived;
    current = null;
  }
  return summary(samples, missed, firstError);
}

async function run(task: Task): Promise<TaskResult> {
  switch (task.kind) {
    case 'throughput':
      return throughput(task);
    case 'rtt':
      return rtt(task);
    case 'broadcast':
      return broadcast(task);
  }
}

process.once('message', (task: Task) => {
  // A failed task is answered as an error result; the parent waits for that answer.
  void run(task)
    .catch((error: unknown): TaskResult => ({ kind: 'error', message: String(error) }))
    .then((result) => {
      for (const socket of sockets) socket.close();
      process.send?.(result, () => process.exit(0));
    });
});
