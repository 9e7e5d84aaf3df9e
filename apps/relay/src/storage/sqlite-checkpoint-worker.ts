/**
 * The thread that copies the write-ahead log back into the database file (see
 * `sqlite-checkpointer.ts`). It holds a connection of its own and answers each request with one
 * PASSIVE checkpoint: it copies what no reader still needs, never waits for a lock, and never
 * blocks the relay's writes.
 *
 * Loaded by file name as a worker, so it imports nothing of the relay's.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** What the relay's thread sends: a checkpoint to run, or the end. */
export type CheckpointRequest = 'checkpoint' | 'close';

/** One checkpoint's outcome: frames in the log, and how many of them are now in the file. */
export interface CheckpointReport {
  readonly logFrames: number;
  readonly checkpointedFrames: number;
}

/** What the relay's thread hands the worker when it starts it. */
export interface CheckpointWorkerData {
  readonly file: string;
}

const port = parentPort;
if (port) {
  const { file } = workerData as CheckpointWorkerData;
  const db = new Database(file, { fileMustExist: true });
  port.on('message', (request: CheckpointRequest) => {
    if (request === 'close') {
      db.close();
      port.close();
      return;
    }
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    port.postMessage({ logFrames: row?.log ?? 0, checkpointedFrames: row?.checkpointed ?? 0 } satisfies CheckpointReport);
  });
}
