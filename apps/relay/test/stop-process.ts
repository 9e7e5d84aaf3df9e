import type { ChildProcess } from 'node:child_process';

/** How a stopped process ended. */
export interface Stopped {
  /** Its exit code; null when a signal ended it. */
  readonly code: number | null;
  /** How long it took to exit after the signal (0: it had already). */
  readonly ms: number;
}

/** Sends `signal` to a child process and resolves once it has exited (at once when it already had). */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<Stopped> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, ms: 0 });
  const started = Date.now();
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
    child.kill(signal);
  });
}
