/**
 * The README's "Checking the record" and "Backup and restore" commands, run as written — the
 * backup block with its server folders (/var/lib/contact-desk, /backups) put in a temporary
 * folder — on a demo log seeded the way `relay demo` seeds it. Each must succeed and print what
 * the README shows under it, in the shape the tools print.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSubstitutions } from '../../scripts/doc-examples/readme-examples';
import { buildRecordFolder, type RecordFolder } from '../../scripts/doc-examples/record-folder';
import { parseShellBlock, runAsWritten, shellBlockOf, type Substitution } from '../../scripts/doc-examples/shell-block';
import { readDoc, section } from './markdown';

const readme = readDoc('README.md');
const HASH = '[0-9a-f]{64}';
const REPORT = `\\d+ events, head \\d+ ${HASH}, \\d+ bytes, integrity ok, chain ok`;

/** What each command prints, by the start of its arguments. */
const SHAPES: readonly (readonly [RegExp, RegExp])[] = [
  [/ audit verify /, new RegExp(`^ok, \\d+ events, head ${HASH}\\nprojections ok: \\d+ entities match the log$`)],
  [
    / audit figures /,
    new RegExp(
      `^log up to seq \\d+, hash ${HASH}\\nperiod \\S+ – \\S+ \\([^)]+\\): \\S+ – \\S+ \\([^)]+\\), as of \\S+\\n(Plateforme|Platform) {2,}\\S.*\\n\\S.* {2,}\\d+ `,
    ),
  ],
  [/ audit proof /, /^\d+ events of [a-z0-9-]+, made at \S+\nok: every event matches its hash and the relay log holds the same hashes$/],
  [/ backup /, new RegExp(`^backup \\S+: ${REPORT}$`)],
  [/ restore /, new RegExp(`^restored \\S+: ${REPORT}\\nthe replaced data file is kept as \\S+\\.replaced-\\S+$`)],
];

let folder: RecordFolder;
beforeAll(async () => {
  folder = await buildRecordFolder();
});
afterAll(() => folder?.remove());

function runBlock(title: string, substitutions: () => Substitution[] = () => []): void {
  const commands = parseShellBlock(shellBlockOf(section(readme, title)));
  expect(commands.length).toBeGreaterThan(1);
  for (const { command, output } of commands) {
    expect(command.startsWith('node apps/relay/bin/relay.mjs '), command).toBe(true);
    const run = runAsWritten(command, folder.cwd, substitutions());
    expect(run.code, `${command}\n${run.stderr}`).toBe(0);
    expect(run.lines.slice(0, output.length), command).toEqual(output);
    const shape = SHAPES.find(([matches]) => matches.test(command))?.[1];
    expect(shape, `a known command: ${command}`).toBeDefined();
    expect(run.lines.join('\n')).toMatch(shape ?? /^$/);
  }
}

describe('README: the record checks and backups run as written', () => {
  it('"Checking the record": verify, verify --expect, figures and proof succeed and print what is shown', () => {
    runBlock('## Checking the record');
  });

  it('"Backup and restore": a verified copy, then the data file replaced by it', () => {
    runBlock('## Backup and restore', () => backupSubstitutions(folder));
  });

  it('refuses a position whose hash is shortened, as the README says', () => {
    const { seq, hash } = folder.head;
    const shortened = `${seq}:${hash.slice(0, 4)}…${hash.slice(-4)}`;
    const run = runAsWritten(`node apps/relay/bin/relay.mjs audit verify --data-dir .data/demo --expect ${shortened}`, folder.cwd);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('the whole 64-digit hash');
    expect(section(readme, '## Checking the record')).toContain(`--expect ${seq}:${hash}`);
  });
});
