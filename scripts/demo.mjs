#!/usr/bin/env node
// `npm run demo`: a relay on its embedded SQLite file, filled with demo data, with one-time
// enrollment codes printed for a user of each role. Run after the bootstrap and build.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const relayBin = join(root, 'apps', 'relay', 'bin', 'relay.mjs');
const dataDir = process.env.CONTACT_DESK_DATA_DIR ?? join(root, '.data', 'demo');
const port = process.env.CONTACT_DESK_PORT ?? '4410';
const reset = process.argv.includes('--reset');

const seeded = spawnSync(process.execPath, [relayBin, 'demo', '--data-dir', dataDir, ...(reset ? ['--reset'] : [])], {
  stdio: 'inherit',
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const relay = spawn(process.execPath, [relayBin, 'serve', '--data-dir', dataDir, '--port', port], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
});

const url = `http://127.0.0.1:${port}`;
for (let attempt = 0; attempt < 50; attempt += 1) {
  try {
    const health = await (await fetch(`${url}/healthz`)).json();
    console.log(`\nRelay running at ${url} (log position ${health.headSeq}); data in ${dataDir}.`);
    console.log(`Enroll a device: POST ${url}/enroll with {"code": "<code above>", "deviceLabel": "My laptop"}`);
    console.log('Administer it with: node apps/relay/bin/relay.mjs user --help (works while it runs). Ctrl+C stops it.');
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => relay.kill('SIGTERM'));
relay.on('exit', (code) => process.exit(code ?? 0));
