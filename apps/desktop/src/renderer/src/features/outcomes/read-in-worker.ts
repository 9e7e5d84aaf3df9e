import { fileRefusal } from '@contact-desk/shared';
import type { ReadOutcome } from './outcome-file';

/** How long reading a file may take before it is given up as unreadable. */
export const READ_TIMEOUT_MS = 30_000;

/** Reads an outcomes file in a fresh worker, ended when it answers or when the time is up. */
export function readInWorker(bytes: Uint8Array, timeoutMs = READ_TIMEOUT_MS): Promise<ReadOutcome> {
  const worker = new Worker(new URL('./outcome-file-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ReadOutcome>((resolve) => {
    const finish = (read: ReadOutcome) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(read);
    };
    const timer = setTimeout(() => finish({ ok: false, result: fileRefusal('unreadable') }), timeoutMs);
    worker.onmessage = (message: MessageEvent<ReadOutcome>) => finish(message.data);
    worker.onerror = () => finish({ ok: false, result: fileRefusal('unreadable') });
    worker.postMessage(bytes, [bytes.buffer]);
  });
}
