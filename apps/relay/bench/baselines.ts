import { PROTOCOL_VERSION } from '@contact-desk/shared';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { PLATFORM } from './relay-setup.js';

// Baselines: bare Socket.IO servers with the same wire shapes.

interface Bare {
  readonly url: string;
  close(): Promise<void>;
}

interface WireMutation {
  mutationId: string;
  type: string;
  args: Record<string, unknown>;
  clientTime: number | null;
}

async function startBare(mode: 'ack' | 'durable' | 'broadcast'): Promise<Bare> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1_000_000 });
  let dir: string | undefined;
  let db: Database.Database | undefined;
  let insert: Database.Statement | undefined;
  if (mode === 'durable') {
    dir = mkdtempSync(join(tmpdir(), 'contact-desk-bench-echo-'));
    db = new Database(join(dir, 'echo.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE echo (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    insert = db.prepare('INSERT INTO echo (id, body) VALUES (?, ?)');
  }
  const room = `class:platform:${PLATFORM}`;
  let seq = 0;
  io.on('connection', (socket) => {
    void socket.join(room);
    socket.emit('session', { protocolVersion: PROTOCOL_VERSION, headSeq: seq, serverTime: Date.now() });
    socket.on('push', (payload: { mutations: WireMutation[] }, ack: (response: unknown) => void) => {
      const mutations = payload.mutations;
      const serverTime = Date.now();
      if (insert) for (const m of mutations) insert.run(m.mutationId, JSON.stringify(m));
      const afterSeq = seq;
      const results = mutations.map((m) => ({ mutationId: m.mutationId, status: 'accepted', seqs: [++seq], serverTime }));
      ack({ ok: true, results });
      if (mode === 'broadcast') {
        io.to(room).emit('events', {
          afterSeq,
          upToSeq: seq,
          events: mutations.map((m, i) => ({
            seq: afterSeq + i + 1,
            serverTime,
            type: 'comment.added',
            payload: {
              comment: {
                id: m.args.commentId,
                requestId: m.args.requestId,
                authorId: 'x',
                authorName: 'Bench operator',
                ...m.args,
                createdAt: serverTime,
                clientTime: m.clientTime,
              },
            },
            actor: { userId: 'x', deviceId: 'y', name: 'Bench operator', role: 'operator', platformId: null },
            mutationId: m.mutationId,
            clientTime: m.clientTime,
            audience: { kind: 'platform', platformId: PLATFORM },
          })),
        });
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve, reject) => {
        io.close(() => resolve()).catch(reject);
      });
      db?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function withBare<T>(mode: 'ack' | 'durable' | 'broadcast', work: (url: string) => Promise<T>): Promise<T> {
  const bare = await startBare(mode);
  try {
    return await work(bare.url);
  } finally {
    await bare.close();
  }
}
