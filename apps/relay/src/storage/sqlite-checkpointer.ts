import { Worker } from 'node:worker_threads';
import type { CheckpointReport, CheckpointRequest, CheckpointWorkerData } from './sqlite-checkpoint-worker.js';

/**
 * Frames the write-ahead log may hold before SQLite checkpoints on the writing connection itself,
 * as it does every 1,000 frames by default. The worker keeps the log well below it; the writer
 * only does it when the worker cannot keep up or is gone, and then finds most frames already
 * copied.
 */
export const BACKSTOP_FRAMES = 10_000;

/** The writer's own threshold when no worker checkpoints (SQLite's default). */
export const INLINE_FRAMES = 1_000;

/** Shortest time between two of the worker's checkpoints. */
const DEFAULT_INTERVAL_MS = 200;

// Under the test runner the relay runs from its TypeScript sources, which Node runs as they are.
const WORKER_FILE = new URL(
  import.meta.url.endsWith('.ts') ? './sqlite-checkpoint-worker.ts' : './sqlite-checkpoint-worker.js',
  import.meta.url,
);

export interface CheckpointerOptions {
  /** The worker failed or ended unasked: the writer must checkpoint again by itself. */
  readonly onFailure: (error: Error) => void;
  /** Each checkpoint's outcome (tests and metrics). */
  readonly onCheckpoint?: (report: CheckpointReport) => void;
  readonly intervalMs?: number;
}

/**
 * Copies the write-ahead log into the database file on a worker thread. SQLite does it on the
 * connection that commits, every 1,000 frames: that commit then also writes the copied pages and
 * waits for a second fsync, the database file's, while the relay's event loop stands still — the
 * slowest of the relay's answers. Here the writer only appends to the log and syncs it; a PASSIVE
 * checkpoint of another connection copies the committed frames at most every `intervalMs` after
 * a commit, without ever taking a lock the writer waits for.
 */
export class SqliteCheckpointer {
  private readonly worker: Worker;
  private readonly intervalMs: number;
  /** A checkpoint asked for and not answered yet. */
  private asked = false;
  /** Commits since the last checkpoint was asked for. */
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private lastEndedAt = Number.NEGATIVE_INFINITY;
  private ended = false;
  private readonly exited: Promise<void>;

  constructor(
    file: string,
    private readonly options: CheckpointerOptions,
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.worker = new Worker(WORKER_FILE, { workerData: { file } satisfies CheckpointWorkerData });
    // A relay stops by closing its store; the worker alone never keeps the process alive.
    this.worker.unref();
    this.worker.on('message', (report: CheckpointReport) => {
      this.asked = false;
      this.lastEndedAt = performance.now();
      this.options.onCheckpoint?.(report);
      if (this.dirty) this.schedule();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.fail(new Error(`the checkpoint worker ended with code ${code}`));
        resolve();
      }),
    );
  }

  /** A commit landed: its frames are copied into the file within the interval. */
  committed(): void {
    if (this.ended) return;
    this.dirty = true;
    if (!this.asked && !this.timer) this.schedule();
  }

  /** Closes the worker's connection; resolves once its thread has ended. */
  stop(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      clearTimeout(this.timer);
      // Held open until the worker has closed its connection, or a process ending now would cut it short.
      this.worker.ref();
      this.worker.postMessage('close' satisfies CheckpointRequest);
    }
    return this.exited;
  }

  private schedule(): void {
    const wait = this.lastEndedAt + this.intervalMs - performance.now();
    if (wait <= 0) {
      this.ask();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ask();
    }, wait);
    this.timer.unref();
  }

  private ask(): void {
    if (this.ended) return;
    this.dirty = false;
    this.asked = true;
    this.worker.postMessage('checkpoint' satisfies CheckpointRequest);
  }

  private fail(error: Error): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.options.onFailure(error);
  }
}
