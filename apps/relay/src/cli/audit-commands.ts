import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  checkChainProof,
  figuresCells,
  HASH_PATTERN,
  isTimeZone,
  periodOfDays,
  type FigureLanguage,
  type LogPosition,
  type Period,
} from '@contact-desk/shared';
import { InvalidArgumentError, type Command } from 'commander';
import { databaseFile } from '../config.js';
import { recomputeFigures } from '../audit/recompute-figures.js';
import { verifyStoredChain } from '../audit/verify-chain.js';
import type { AuditedStore } from '../audit/folded-log.js';
import { openStorage, type StoreLocation } from '../storage/open-storage.js';
import { cliDatabaseUrl } from './open-core.js';
import { verifyProjections } from '../audit/verify-projections.js';
import { table } from './admin-actions.js';
import { parseInstant } from './parse-instant.js';
import { dataDirOption } from './data-dir-option.js';

/** The store a CLI audit reads: PostgreSQL when `CONTACT_DESK_DATABASE_URL` names it, else the data folder's file. */
function storeOf(opts: { dataDir: string }): StoreLocation {
  const databaseUrl = cliDatabaseUrl();
  return databaseUrl ? { dataDir: opts.dataDir, databaseUrl } : { dataDir: opts.dataDir };
}

/** Runs an audit on the CLI's store: the data file's path (opened read-only), or PostgreSQL, closed after. */
async function withCliStore<T>(opts: { dataDir: string }, read: (store: AuditedStore) => Promise<T>): Promise<T> {
  const location = storeOf(opts);
  if (!location.databaseUrl) return read(databaseFile(location));
  const storage = await openStorage(location);
  try {
    return await read(storage);
  } finally {
    await storage.close();
  }
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function position(value: string, previous: LogPosition[] = []): LogPosition[] {
  const [seq, hash] = value.split(':');
  if (!seq || !/^\d+$/.test(seq) || !hash || !HASH_PATTERN.test(hash)) {
    throw new InvalidArgumentError('expected <seq>:<the whole 64-digit hash>, as printed in an export (a shortened hash is no check)');
  }
  return [...previous, { seq: Number(seq), hash }];
}

function verifyCommand(audit: Command): void {
  audit
    .command('verify')
    .description('check the hash chain of the whole log, and that the projections are what the log says')
    .option('--expect <seq:hash>', 'a log position cited by an export or a proof (repeatable)', position)
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (opts: { expect?: LogPosition[]; json?: boolean; dataDir: string }) => {
      const chain = await verifyStoredChain(storeOf(opts), { expect: opts.expect ?? [] });
      const projections = chain.ok ? await withCliStore(opts, verifyProjections) : undefined;
      if (opts.json) out(JSON.stringify({ chain, projections }, null, 2));
      else if (!chain.ok) out(`BROKEN at seq ${chain.brokenSeq}: ${chain.reason}`);
      else {
        out(`ok, ${chain.events} events, head ${chain.headHash}`);
        if (projections?.ok) out(`projections ok: ${projections.checked} entities match the log`);
        else out(`projections DIFFER from the log:\n  ${projections?.differences.join('\n  ')}`);
      }
      if (!chain.ok || !projections?.ok) process.exitCode = 1;
    });
}

type FiguresOptions = {
  from: string;
  to: string;
  platform?: string[];
  seq?: string;
  at?: string;
  zone: string;
  lang: string;
  json?: boolean;
  dataDir: string;
};

function figuresCommand(audit: Command): void {
  audit
    .command('figures')
    .description("recompute an export's per-platform figures from the log alone, printed as the export prints them")
    .requiredOption('--from <day>', 'first day of the period, YYYY-MM-DD (from its 00:00 in --zone)')
    .requiredOption('--to <day>', 'last day of the period, included, YYYY-MM-DD (to the next 00:00 in --zone)')
    .option('--platform <id>', 'a platform (repeatable; all when left out)', (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option('--seq <n>', 'log position the export cites (default: the head)')
    .option('--at <time>', 'time the figures are as of: the export\'s "generated at" (default: now)')
    .option('--zone <zone>', "time zone of the period's days, as the export states it", 'Europe/Paris')
    .option('--lang <fr|en>', "language of the table, as the export's", 'fr')
    .option('--json', 'machine-readable output')
    .addOption(dataDirOption())
    .action(async (opts: FiguresOptions) => {
      if (!isTimeZone(opts.zone)) throw new InvalidArgumentError(`unknown time zone: ${opts.zone}`);
      if (opts.lang !== 'fr' && opts.lang !== 'en') throw new InvalidArgumentError('--lang must be fr or en');
      const language: FigureLanguage = opts.lang;
      let period: Period;
      try {
        period = periodOfDays(opts.from, opts.to, opts.zone);
      } catch (error) {
        throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
      }
      const at = opts.at === undefined ? Date.now() : parseInstant(opts.at, opts.zone);
      const upToSeq = opts.seq === undefined ? undefined : Number(opts.seq);
      if (upToSeq !== undefined && !Number.isInteger(upToSeq)) throw new InvalidArgumentError('--seq must be a whole number');
      const query = { period, platformIds: opts.platform ?? [], at, ...(upToSeq === undefined ? {} : { upToSeq }) };
      const result = await withCliStore(opts, (store) => recomputeFigures(store, query));
      const cells = figuresCells(result.figures, language, (id) => result.platformNames.get(id) ?? id);
      if (opts.json) {
        const { platformNames: _names, ...rest } = result;
        return out(JSON.stringify({ period, zone: opts.zone, at, ...rest, cells }, null, 2));
      }
      out(`log up to seq ${result.upToSeq}, hash ${result.upToHash}`);
      out(
        `period ${opts.from} – ${opts.to} (${opts.zone}): ${new Date(period.from).toISOString()} – ${new Date(period.to).toISOString()} (end excluded), as of ${new Date(at).toISOString()}`,
      );
      out(table([cells.header, ...cells.body]));
    });
}

function proofCommand(audit: Command): void {
  audit
    .command('proof <file>')
    .description("check a platform's chain proof (JSON lines exported from the app), on its own and against this log")
    .option('--offline', 'check the file on its own, without a data file')
    .addOption(dataDirOption())
    .action(async (file: string, opts: { offline?: boolean; dataDir: string }) => {
      const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
      const check = checkChainProof(readFileSync(file, 'utf8'), sha256Hex);
      const failures = [...check.failures.map((failure) => `line ${failure.line}: ${failure.reason}`)];
      if (!opts.offline) {
        const cited = [
          ...check.events.map((event) => ({ seq: event.seq, hash: event.hash })),
          ...(check.header.head ? [check.header.head] : []),
        ];
        const chain = await verifyStoredChain(storeOf(opts), { expect: cited });
        if (!chain.ok) failures.push(`against the log: seq ${chain.brokenSeq}: ${chain.reason}`);
      }
      out(`${check.events.length} events of ${check.header.platformId}, made at ${new Date(check.header.generatedAt).toISOString()}`);
      if (failures.length === 0)
        out(opts.offline ? 'ok: every event matches its hash' : 'ok: every event matches its hash and the relay log holds the same hashes');
      else {
        out(`FAILED:\n  ${failures.join('\n  ')}`);
        process.exitCode = 1;
      }
    });
}

export function auditCommands(program: Command): void {
  const audit = program.command('audit').description('check the log: hash chain, projections, figures, chain proofs');
  verifyCommand(audit);
  figuresCommand(audit);
  proofCommand(audit);
}
