/**
 * The bench's load balancer, in a process of its own as a ministry's is on a machine of its own:
 * a TCP proxy spreading connections round-robin over the relay ports it is sent, answering with
 * its own port. It runs until its parent kills it or goes.
 */
import { TcpProxy } from './tcp-proxy.js';

process.once('message', (ports: number[]) => {
  const proxy = new TcpProxy(ports);
  proxy.start().then(
    (port) => process.send?.(port),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
// The bench ended without stopping it (it crashed): no balancer outlives it.
process.once('disconnect', () => process.exit(0));
