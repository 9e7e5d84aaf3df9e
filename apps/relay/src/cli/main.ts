import { newId, ROLES, PLATFORM_KINDS } from '@contact-desk/shared';
import { Command, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { writeAdminSecret } from '../auth/admin-secret.js';
import { resolveConfig, type ConfigFlags } from '../config.js';
import { startRelay, type RunningRelay } from '../server.js';
import { seedDemo } from '../demo/seed.js';
import { findUser, issueCode, table } from './admin-actions.js';
import { apiKeyCommands } from './apikey-commands.js';
import { backupCommands } from './backup-commands.js';
import { auditCommands } from './audit-commands.js';
import { DataLock } from './data-lock.js';
import { withAdmin } from './admin-channel.js';
import { migrateCommand } from './migrate-command.js';
import { printCodes } from './print-codes.js';
import { databaseUrlOption, dataDirOption } from './data-dir-option.js';
import { webhookCommands } from './webhook-commands.js';

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function userCommands(program: Command): void {
  const user = program.command('user').description('users and their enrollment codes');
  user
    .command('add')
    .description('create a user and print their one-time enrollment code')
    .requiredOption('--name <name>', 'full name')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--platform <id>', 'platform of a liaison')
    .option('--email <email>', 'e-mail address')
    .option('--team <team>', 'ministry team of an operator')
    .addOption(dataDirOption())
    .action(async (opts: { name: string; role: string; platform?: string; email?: string; team?: string; dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        const userId = newId();
        const result = await admin.perform('user.create', {
          userId,
          name: opts.name,
          role: opts.role,
          platformId: opts.platform ?? null,
          email: opts.email ?? null,
          team: opts.team ?? null,
        });
        out(`created ${opts.role} ${opts.name} (${userId})`);
        out(
          `enrollment code: ${result.data?.enrollmentCode ?? '?'} (valid until ${new Date(result.data?.enrollmentExpiresAt ?? 0).toISOString()})`,
        );
      });
    });
  user
    .command('list')
    .description('list users')
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (opts: { json?: boolean; dataDir: string }) => {
      await withAdmin(opts.dataDir, (admin) => {
        const users = [...admin.view().users.values()].sort((a, b) => a.name.localeCompare(b.name));
        if (opts.json) return out(JSON.stringify(users, null, 2));
        out(
          table([
            ['ID', 'NAME', 'ROLE', 'PLATFORM', 'EMAIL', 'STATUS'],
            ...users.map((u) => [u.id, u.name, u.role, u.platformId ?? '', u.email ?? '', u.revokedAt ? 'revoked' : 'active']),
          ]),
        );
      });
    });
  user
    .command('revoke <user>')
    .description('revoke a user (by id, e-mail or name) and all their devices')
    .addOption(dataDirOption())
    .action(async (key: string, opts: { dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        const target = findUser(admin, key);
        await admin.perform('user.revoke', { userId: target.id });
        out(`revoked ${target.name}`);
      });
    });
  user
    .command('code <user>')
    .description('issue a new one-time enrollment code for a user')
    .addOption(dataDirOption())
    .action(async (key: string, opts: { dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        const issued = await issueCode(admin, findUser(admin, key));
        out(`${issued.user.name}: ${issued.code} (valid until ${new Date(issued.expiresAt).toISOString()})`);
      });
    });
}

function platformCommands(program: Command): void {
  const platform = program.command('platform').description('member organisations of the contact group');
  platform
    .command('add <id>')
    .description('add a platform, e.g. `relay platform add meta --name Meta`')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--kind <kind>', 'kind of member').choices(PLATFORM_KINDS).default('platform'))
    .addOption(dataDirOption())
    .action(async (id: string, opts: { name: string; kind: string; dataDir: string }) => {
      await withAdmin(opts.dataDir, async (admin) => {
        await admin.perform('platform.create', { platformId: id, name: opts.name, kind: opts.kind });
        out(`added platform ${id} (${opts.name})`);
      });
    });
  platform
    .command('list')
    .description('list platforms')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir: string }) => {
      await withAdmin(opts.dataDir, (admin) => {
        const platforms = [...admin.view().platforms.values()];
        out(table([['ID', 'NAME', 'KIND', 'STATUS'], ...platforms.map((p) => [p.id, p.name, p.kind, p.active ? 'active' : 'inactive'])]));
      });
    });
}

export function buildProgram(): Command {
  const program = new Command('relay').description('Contact Desk relay').showHelpAfterError();
  program
    .command('serve')
    .description('run the relay')
    .option('-p, --port <port>', 'port (default 4410, env CONTACT_DESK_PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, env CONTACT_DESK_HOST)')
    .option('--cors-origin <origins>', 'browser origins allowed, comma-separated, or * (default, env CONTACT_DESK_CORS_ORIGIN)')
    .option('--tls-cert <file>', 'serve HTTPS and WSS with this PEM certificate chain, reloaded on SIGHUP (env CONTACT_DESK_TLS_CERT)')
    .option('--tls-key <file>', "the certificate's PEM private key (env CONTACT_DESK_TLS_KEY)")
    .option(
      '--trust-proxy <addresses>',
      'reverse proxies whose X-Forwarded-For names the client: addresses, subnets or "loopback", comma-separated (default none, env CONTACT_DESK_TRUST_PROXY)',
    )
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (default info, env CONTACT_DESK_LOG_LEVEL)')
    .option('--metrics-port <port>', 'serve GET /metrics without a secret on this port (env CONTACT_DESK_METRICS_PORT; default: none)')
    .option('--metrics-host <host>', 'address of the metrics listener (default 127.0.0.1, env CONTACT_DESK_METRICS_HOST)')
    .addOption(databaseUrlOption())
    .addOption(dataDirOption())
    .action(async (opts: ConfigFlags & { dataDir: string }) => {
      const config = resolveConfig(opts);
      mkdirSync(config.dataDir, { recursive: true });
      const lock = new DataLock(config.dataDir);
      lock.acquire();
      let relay: RunningRelay;
      try {
        relay = await startRelay(config, { adminSecret: writeAdminSecret(config.dataDir) });
      } catch (error) {
        lock.release();
        throw error;
      }
      lock.announce(relay.url, relay.certificate?.fingerprint256);
      // systemd's ExecReload= and certificate renewal hooks send SIGHUP: new certificate, same connections.
      process.on('SIGHUP', () => {
        const certificate = relay.reloadCertificate();
        if (certificate) lock.announce(relay.url, certificate.fingerprint256);
      });
      const stop = () =>
        void relay.close().finally(() => {
          lock.release();
          process.exit(0);
        });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  program
    .command('demo')
    .description('fill a data folder with demo platforms, users and six weeks of requests, and print enrollment codes')
    .option('--reset', 'start from an empty data folder')
    .option('--requests <n>', 'number of requests of history (a P0 just missed is added to them)', '360')
    .option('--json', 'print the enrollment codes as JSON')
    .addOption(dataDirOption())
    .action(async (opts: { reset?: boolean; requests: string; json?: boolean; dataDir: string }) => {
      await seedDemo({ dataDir: opts.dataDir, reset: Boolean(opts.reset), requests: Number(opts.requests) });
      await withAdmin(opts.dataDir, (admin) => printCodes(admin, out, Boolean(opts.json)));
    });
  userCommands(program);
  platformCommands(program);
  apiKeyCommands(program, out);
  webhookCommands(program, out);
  backupCommands(program, out);
  migrateCommand(program, out);
  auditCommands(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}
