import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serveStatic as serve } from '../../scripts/static-server.mjs';

/** Serves the built web client on a free loopback port, as the demo does. */
export async function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) throw new Error(`no web build in ${base}: build apps/desktop first`);
  const server = await serve(base, 0);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
