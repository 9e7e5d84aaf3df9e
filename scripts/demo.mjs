#!/usr/bin/env node
// `npm run demo`: a relay on its embedded SQLite file filled with six weeks of demo history, and
// the app signed in as the prefect — Electron where its binary is present, otherwise the web
// client in a browser, with links for liaison sessions. The relay's mail and webhooks go to a
// local inbox (an SMTP server and a webhook receiver) whose page shows what arrived, and one
// platform's tool gets an API key. Run after the bootstrap and build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureOutreach } from './demo-outreach.mjs';
import { startInbox } from './demo-inbox.mjs';
import { serveStatic } from './static-server.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const relayBin = join(root, 'apps', 'relay', 'bin', 'relay.mjs');
const desktopDir = join(root, 'apps', 'desktop');
const dataDir = process.env.CONTACT_DESK_DATA_DIR ?? join(root, '.data', 'demo');
const relayPort = Number(process.env.CONTACT_DESK_PORT ?? 4410);
const webPort = Number(process.env.CONTACT_DESK_WEB_PORT ?? 4411);
const inboxPort = Number(process.env.CONTACT_DESK_INBOX_PORT ?? 4412);
const smtpPort = Number(process.env.CONTACT_DESK_INBOX_SMTP_PORT ?? 4425);
const reset = process.argv.includes('--reset');
const webOnly = process.argv.includes('--web');

const seeded = spawnSync(process.execPath, [relayBin, 'demo', '--json', '--data-dir', dataDir, ...(reset ? ['--reset'] : [])], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
const demo = JSON.parse(seeded.stdout.trim().split('\n').at(-1));

const inbox = await startInbox({ smtpPort, httpPort: inboxPort });
const children = [];
const relay = spawn(process.execPath, [relayBin, 'serve', '--data-dir', dataDir, '--port', String(relayPort)], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    CONTACT_DESK_SMTP_URL: inbox.smtpUrl,
    CONTACT_DESK_MAIL_FROM: 'Contact Desk (démo) <contact-desk@interieur.example>',
    CONTACT_DESK_DUTY_EMAIL: 'permanence-cyber@interieur.example',
    CONTACT_DESK_APP_URL: `http://127.0.0.1:${webPort}`,
  },
});
children.push(relay);
const relayUrl = `http://127.0.0.1:${relayPort}`;
for (let attempt = 0; attempt < 50; attempt += 1) {
  try {
    await fetch(`${relayUrl}/healthz`);
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const query = (profile, code) => new URLSearchParams({ profile, relay: relayUrl, code, autoEnroll: '1' }).toString();
const prefect = demo.codes.find((entry) => entry.role === 'prefect');

function electronBinary() {
  try {
    const electronDir = dirname(createRequire(join(desktopDir, 'package.json')).resolve('electron/package.json'));
    return existsSync(join(electronDir, 'path.txt')) ? join(electronDir, 'cli.js') : undefined;
  } catch {
    return undefined;
  }
}

console.log(`\nContact Desk demo: ${demo.requests} requests, ${demo.events} events; relay at ${relayUrl}, data in ${dataDir}.`);
const outreach = await configureOutreach({ relayBin, dataDir, relayUrl, inbox });
console.log(`\nWhat the relay sends outside (mail, webhooks, PagerDuty incidents) arrives here: ${inbox.url}`);
console.log(`Meta's case tool has an API key (read and act), shown once:\n  ${outreach.apiKey}`);
console.log(
  `List what waits for Meta:\n  curl -s -H "Authorization: Bearer ${outreach.apiKey}" "${relayUrl}/api/v1/requests?waiting=platform"`,
);
if (outreach.toAcknowledge) {
  console.log(`Acknowledge ${outreach.toAcknowledge.ref} as Meta's tool (the prefect sees it live):`);
  console.log(
    `  curl -s -X POST -H "Authorization: Bearer ${outreach.apiKey}" -H "Idempotency-Key: $(node -e 'console.log(crypto.randomUUID())')" ${relayUrl}/api/v1/requests/${outreach.toAcknowledge.id}/acknowledge`,
  );
}
console.log(`The API's reference: ${relayUrl}/api/v1/docs`);
const electron = webOnly ? undefined : electronBinary();
if (electron && existsSync(join(desktopDir, 'out', 'main', 'index.js'))) {
  console.log('Opening the desktop app, signed in as the prefect…');
  const app = spawn(process.execPath, [electron, desktopDir], {
    stdio: 'inherit',
    env: { ...process.env, CONTACT_DESK_LAUNCH_QUERY: query('prefect', prefect.code) },
  });
  children.push(app);
  app.on('exit', () => shutdown());
} else {
  await serveStatic(join(desktopDir, 'dist-web'), webPort);
  const web = `http://127.0.0.1:${webPort}`;
  console.log(electron ? '' : '(The Electron binary is not installed here: serving the web client instead.)');
  console.log(`\nOpen the app as the prefect (${prefect.name}):\n  ${web}/?${query('prefect', prefect.code)}\n`);
  console.log('Other sessions, each in its own profile (open in another tab or browser):');
  for (const entry of demo.codes.filter((candidate) => candidate !== prefect)) {
    const profile = entry.platformId ? `liaison-${entry.platformId}` : entry.role;
    console.log(
      `  ${entry.name} (${entry.role}${entry.platformId ? `, ${entry.platformId}` : ''}):\n    ${web}/?${query(profile, entry.code)}`,
    );
  }
  console.log('\nCodes are one-time: run `npm run demo` again for fresh ones. Ctrl+C stops everything.');
}

function shutdown() {
  for (const child of children) child.kill('SIGTERM');
  void inbox.close();
  setTimeout(() => process.exit(0), 500);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, shutdown);
relay.on('exit', (code) => {
  if (code) process.exit(code);
});
