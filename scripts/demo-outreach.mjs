// The demo's integrations, set up through the relay's own CLI as an administrator would: Meta's
// case tool gets a signed webhook and an API key, X pages its on-call team through PagerDuty
// (played by the demo inbox), and the ministry has its own webhook. Secrets are shown once, so a
// webhook that exists from an earlier run gets a new secret, and older demo keys are revoked.
import { spawnSync } from 'node:child_process';

const META_HOOK = 'Meta — outil de traitement (démo)';
const MINISTRY_HOOK = 'Ministère — main courante (démo)';
const X_PAGER = 'X — astreinte PagerDuty (démo)';
const META_KEY = 'Meta — outil de traitement (démo)';

function cli(relayBin, dataDir, args) {
  const result = spawnSync(process.execPath, [relayBin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`relay ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** A standard webhook by name: created, or given a new secret; the inbox checks its signatures. */
function signedWebhook(run, hooks, inbox, { name, owner, path }) {
  const existing = hooks.find((hook) => hook.name === name && hook.removedAt === null);
  const answer = existing
    ? JSON.parse(run(['webhook', 'rotate', existing.id, '--json']))
    : JSON.parse(run(['webhook', 'add', ...owner, '--name', name, '--url', inbox.hookUrl(path), '--json']));
  inbox.expect(path, answer.signingSecret);
}

export async function configureOutreach({ relayBin, dataDir, relayUrl, inbox }) {
  const run = (args) => cli(relayBin, dataDir, args);
  const hooks = JSON.parse(run(['webhook', 'list', '--json']));
  signedWebhook(run, hooks, inbox, { name: META_HOOK, owner: ['--platform', 'meta'], path: '/hooks/meta' });
  signedWebhook(run, hooks, inbox, { name: MINISTRY_HOOK, owner: ['--ministry'], path: '/hooks/ministere' });
  if (!hooks.some((hook) => hook.name === X_PAGER && hook.removedAt === null)) {
    run([
      'webhook',
      'add',
      '--platform',
      'x',
      '--name',
      X_PAGER,
      '--preset',
      'pagerduty',
      '--url',
      inbox.pagerUrl,
      '--key',
      'R0UTINGKEYDEMO0123456789',
      '--json',
    ]);
  }
  for (const key of JSON.parse(run(['apikey', 'list', '--platform', 'meta', '--json']))) {
    if (key.name === META_KEY && key.revokedAt === null) run(['apikey', 'revoke', key.id]);
  }
  const { key: apiKey } = JSON.parse(run(['apikey', 'issue', '--platform', 'meta', '--name', META_KEY, '--scope', 'act', '--json']));
  const response = await fetch(`${relayUrl}/api/v1/requests?waiting=platform&limit=50`, { headers: { authorization: `Bearer ${apiKey}` } });
  const listed = response.ok ? await response.json() : { requests: [] };
  const toAcknowledge = listed.requests.find((request) => request.reason === 'acknowledge') ?? null;
  return { apiKey, toAcknowledge };
}
