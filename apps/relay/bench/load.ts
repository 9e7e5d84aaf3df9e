import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Task, TaskResult } from './tasks.js';

const TASK_LIMIT_MS = 90_000;
const benchStart = performance.now();

/** A line of the bench's progress, with the seconds since it started. */
export const log = (line: string) => console.log(`[${((performance.now() - benchStart) / 1000).toFixed(1)}s] ${line}`);

/** Runs one task in a fresh load process; kills it if it outlives the limit. */
export function runLoad<T extends TaskResult>(task: Task): Promise<T> {
  const child = fork(fileURLToPath(new URL('./load-client.js', import.meta.url)), [], { stdio: 'inherit' });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load process for ${task.kind} exceeded ${TASK_LIMIT_MS} ms`));
    }, TASK_LIMIT_MS);
    child.once('message', (result: TaskResult) => {
      clearTimeout(timer);
      if (result.kind === 'error') reject(new Error(result.message));
      else resolve(result as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`load process exited with ${code}`));
    });
    child.send(task);
  });
}
