import { API_KEY_SCOPES, newId, type ApiKey } from '@contact-desk/shared';
import { Option, type Command } from 'commander';
import { withAdmin, type AdminChannel } from './admin-channel.js';
import { table } from './admin-actions.js';
import { dataDirOption } from './data-dir-option.js';

function apiKeys(admin: AdminChannel): ApiKey[] {
  return [...admin.view().integrations.values()]
    .filter((integration): integration is ApiKey => integration.type === 'apiKey')
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** A key by its id, or by its prefix (`cdk_…`) when only one key has it. */
function findKey(admin: AdminChannel, name: string): ApiKey {
  const keys = apiKeys(admin);
  const byId = keys.find((key) => key.id === name);
  if (byId) return byId;
  const byPrefix = keys.filter((key) => key.prefix === name);
  if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
  throw new Error(byPrefix.length > 1 ? `several API keys start with ${name}: give the id` : `no API key "${name}"`);
}

/**
 * `relay apikey issue | list | revoke`: API keys for a platform's own tools. Through the running
 * relay when one serves the folder, so a revocation refuses the key's next request at once.
 */
export function apiKeyCommands(program: Command, out: (text: string) => void): void {
  const apikey = program.command('apikey').description('API keys of the platforms’ own tools (the REST API)');
  apikey
    .command('issue')
    .description('issue an API key for a platform and print it, once')
    .requiredOption('--platform <id>', 'the platform whose requests the key reads and acts on')
    .requiredOption('--name <name>', 'what the key is for, e.g. "Case tool" (shown in the log as the actor)')
    .addOption(
      new Option('--scope <scope>', 'read: list and read; act: also acknowledge, answer, ask, contest, comment')
        .choices(API_KEY_SCOPES)
        .default('read'),
    )
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (opts: { platform: string; name: string; scope: string; json?: boolean; dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        const apiKeyId = newId();
        const result = await admin.perform('apiKey.issue', { apiKeyId, platformId: opts.platform, name: opts.name, scope: opts.scope });
        const key = result.data?.apiKey;
        if (!key) throw new Error('the relay issued no key');
        if (opts.json) {
          out(JSON.stringify({ id: apiKeyId, platformId: opts.platform, name: opts.name, scope: opts.scope, key }));
          return;
        }
        out(`issued API key "${opts.name}" for ${opts.platform}, scope ${opts.scope} (${apiKeyId})`);
        out(`key (shown once, store it now): ${key}`);
      });
    });
  apikey
    .command('list')
    .description('list API keys (never the keys themselves)')
    .option('--platform <id>', 'only this platform’s keys')
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (opts: { platform?: string; json?: boolean; dataDir: string }) => {
      await withAdmin(opts.dataDir, (admin) => {
        const keys = apiKeys(admin).filter((key) => opts.platform === undefined || key.platformId === opts.platform);
        if (opts.json) return out(JSON.stringify(keys, null, 2));
        out(
          table([
            ['ID', 'PREFIX', 'NAME', 'PLATFORM', 'SCOPE', 'ISSUED', 'STATUS'],
            ...keys.map((key) => [
              key.id,
              key.prefix,
              key.name,
              key.platformId,
              key.scope,
              new Date(key.createdAt).toISOString(),
              key.revokedAt === null ? 'active' : `revoked ${new Date(key.revokedAt).toISOString()}`,
            ]),
          ]),
        );
      });
    });
  apikey
    .command('revoke <key>')
    .description('revoke an API key (by id, or by its prefix when unique): its next request is refused')
    .addOption(dataDirOption())
    .action(async (name: string, opts: { dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        const key = findKey(admin, name);
        await admin.perform('apiKey.revoke', { apiKeyId: key.id });
        out(`revoked API key "${key.name}" of ${key.platformId} (${key.id})`);
      });
    });
}
