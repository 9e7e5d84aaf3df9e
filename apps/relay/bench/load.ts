import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Task, TaskResult, WindowEdge } from './tasks.js';

const TASK_LIMIT_MS = 90_000;
const benchStart = performance.now();

/** A line of the bench's progress, with the seconds since it started. */
export const log = (line: string) => console.log(`[${((performance.now() - benchStart) / 1000).toFixed(1)}s] ${line}`);

/**
 * Runs one task in a fresh load process; kills it if it outlives the limit. A throughput result
 * comes back with the CPU this process (the server's: the relay or the bare baseline runs in the
 * driver) spent over the load's measured window, so that a reader can tell a saturated server
 * from a saturated load process.
 */
export function runLoad<T extends TaskResult>(task: Task): Promise<T> {
  const child = fork(fileURLToPath(new URL('./load-client.js', import.meta.url)), [], { stdio: 'inherit' });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load process for ${task.kind} exceeded ${TASK_LIMIT_MS} ms`));
    }, TASK_LIMIT_MS);
    let windowStart: { cpu: NodeJS.CpuUsage; at: number } | undefined;
    let serverCpuShare: number | null = null;
    child.on('message', (message: TaskResult | WindowEdge) => {
      if (message.kind === 'window') {
        if (message.edge === 'start') windowStart = { cpu: process.cpuUsage(), at: performance.now() };
        else if (windowStart) {
          const cpu = process.cpuUsage(windowStart.cpu);
          serverCpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - windowStart.at);
        }
        return;
      }
      clearTimeout(timer);
      if (message.kind === 'error') reject(new Error(message.message));
      else resolve((message.kind === 'throughput' ? { ...message, serverCpuShare } : message) as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`load process exited with ${code}`));
    });
    child.send(task);
  });
}
