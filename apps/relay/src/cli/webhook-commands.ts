import { newId, PRESET_URLS, WEBHOOK_PRESETS, type Webhook, type WebhookPreset } from '@contact-desk/shared';
import { Option, type Command } from 'commander';
import { table } from './admin-actions.js';
import { withAdmin, type AdminChannel } from './admin-channel.js';
import { dataDirOption } from './data-dir-option.js';

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function webhooks(admin: AdminChannel): Webhook[] {
  const all = [...admin.view().integrations.values()].filter((item): item is Webhook => item.type === 'webhook');
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

/** A webhook by id or exact name, removed ones last. */
function findWebhook(admin: AdminChannel, key: string): Webhook {
  const found = webhooks(admin)
    .filter((hook) => hook.id === key || hook.name === key)
    .sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null))[0];
  if (!found) throw new Error(`no webhook "${key}"`);
  return found;
}

interface AddOptions {
  platform?: string;
  ministry?: boolean;
  name: string;
  url?: string;
  preset: WebhookPreset;
  key?: string;
  topics?: string;
  priorities?: string;
  json?: boolean;
  dataDir: string;
}

/** `relay webhook add|list|remove|rotate`: through the running relay when one serves the folder. */
export function webhookCommands(program: Command, out: (text: string) => void): void {
  const webhook = program.command('webhook').description("webhooks: a platform's case tool or pager, or the ministry's");
  webhook
    .command('add')
    .description('add a webhook; a standard one prints its signing secret once')
    .option('--platform <id>', 'the platform whose requests it carries')
    .option('--ministry', "the ministry's webhook: every platform's requests")
    .requiredOption('--name <name>', 'a name to recognise it by')
    .option('--url <url>', 'where to send (default for a pager preset: its public API)')
    .addOption(new Option('--preset <preset>', 'format').choices(WEBHOOK_PRESETS).default('standard'))
    .addOption(new Option('--key <key>', "a pager preset's routing or API key").env('CONTACT_DESK_WEBHOOK_KEY'))
    .option('--topics <topics>', 'event types, comma-separated (standard webhooks; default: docs/integrations.md)')
    .option('--priorities <labels>', 'priorities, comma-separated (e.g. P0,P1)')
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (opts: AddOptions) => {
      if (Boolean(opts.platform) === Boolean(opts.ministry)) throw new Error('give either --platform <id> or --ministry');
      const url = opts.url ?? (opts.preset === 'standard' ? undefined : PRESET_URLS[opts.preset]);
      if (!url) throw new Error('a standard webhook needs --url');
      await withAdmin(opts.dataDir, async (admin) => {
        const webhookId = newId();
        const result = await admin.perform('webhook.create', {
          webhookId,
          platformId: opts.platform ?? null,
          name: opts.name,
          url,
          preset: opts.preset,
          ...(opts.topics === undefined ? {} : { topics: list(opts.topics) }),
          ...(opts.priorities === undefined ? {} : { priorities: list(opts.priorities) }),
          presetKey: opts.preset === 'standard' ? null : (opts.key ?? null),
        });
        const secret = result.data?.signingSecret;
        if (opts.json) return out(JSON.stringify({ webhookId, ...(secret ? { signingSecret: secret } : {}) }));
        out(`added webhook ${opts.name} (${webhookId}) for ${opts.platform ?? 'the ministry'}`);
        if (secret) out(`signing secret (shown once, keep it in the receiver): ${secret}`);
      });
    });
  webhook
    .command('list')
    .description('list webhooks (never their secrets)')
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (opts: { json?: boolean; dataDir: string }) => {
      await withAdmin(opts.dataDir, (admin) => {
        const hooks = webhooks(admin);
        if (opts.json) return out(JSON.stringify(hooks, null, 2));
        const status = (hook: Webhook) => (hook.removedAt !== null ? 'removed' : hook.active ? 'active' : 'off');
        out(
          table([
            ['ID', 'NAME', 'FOR', 'PRESET', 'URL', 'PRIORITIES', 'STATUS'],
            ...hooks.map((h) => [h.id, h.name, h.platformId ?? 'ministry', h.preset, h.url, h.priorities.join(',') || 'all', status(h)]),
          ]),
        );
      });
    });
  webhook
    .command('remove <webhook>')
    .description('remove a webhook (by id or name); pending deliveries to it are dropped')
    .addOption(dataDirOption())
    .action(async (key: string, opts: { dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        const target = findWebhook(admin, key);
        await admin.perform('webhook.remove', { webhookId: target.id });
        out(`removed webhook ${target.name}`);
      });
    });
  webhook
    .command('rotate <webhook>')
    .description('give a standard webhook a new signing secret, printed once (the old one stops at once)')
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (key: string, opts: { json?: boolean; dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        const target = findWebhook(admin, key);
        const result = await admin.perform('webhook.rotateSecret', { webhookId: target.id });
        const secret = result.data?.signingSecret ?? '';
        if (opts.json) return out(JSON.stringify({ webhookId: target.id, signingSecret: secret }));
        out(`new signing secret of ${target.name} (shown once): ${secret}`);
      });
    });
}
