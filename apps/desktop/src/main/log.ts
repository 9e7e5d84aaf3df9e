import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the main process says about itself (updates, enrollment, settings): for the IT team, not the user. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = keyof Log;

/** `2026-05-04T09:12:00.000Z warn updates: …` — one line per message, newlines folded. */
export function logLine(level: LogLevel, message: string, now: Date): string {
  return `${now.toISOString()} ${level} ${message.replace(/\s*\n\s*/g, ' ')}\n`;
}

export function createLog(sinks: readonly ((line: string) => void)[], now: () => Date = () => new Date()): Log {
  const say = (level: LogLevel) => (message: string) => {
    const line = logLine(level, message, now());
    for (const sink of sinks) sink(line);
  };
  return { info: say('info'), warn: say('warn'), error: say('error') };
}

/** Past this size the file is kept as `<file>.1` (replacing the one before) and a new one starts. */
const MAX_LOG_BYTES = 2 * 1024 * 1024;

/**
 * Appends to `file`, which the IT team reads (docs/installing.md says where); a file that cannot
 * be written costs the line, never the app.
 */
export function fileSink(file: string): (line: string) => void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // The folder cannot be made or the file moved: lines are attempted anyway.
  }
  return (line) => {
    try {
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Logging must never stop the app.
    }
  };
}
