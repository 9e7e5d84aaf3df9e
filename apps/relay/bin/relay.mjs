#!/usr/bin/env node
// The relay runs on Node 24 LTS (docs/decisions/0021-node-24-runtime.md): an older major no longer gets
// security fixes, and the native SQLite module is built for one Node only.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`relay: Node ${process.versions.node} is not supported; run the relay on Node 24 LTS\n`);
  process.exit(78); // EX_CONFIG: systemd and container restarts will not help
}
await import('../dist/src/cli/run.js');
