/**
 * The README's "Checking the record" and "Backup and restore" commands with what they print, run
 * as written on a seeded demo log (record-folder.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecordFolder, RECORD_DATA_DIR, type RecordFolder } from './record-folder.js';
import { runAsWritten, type Substitution } from './shell-block.js';

const RELAY = 'node apps/relay/bin/relay.mjs';
const SERVER_DATA_DIR = '/var/lib/contact-desk';
const BACKUP = '/backups/contact-desk-2026-11-23.sqlite';

interface Step {
  readonly command: string;
  /** Whether the document shows what it prints (not when it names the time it ran at). */
  readonly shown: boolean;
}

function recordSteps(folder: RecordFolder): Step[] {
  const { seq, hash } = folder.head;
  return [
    { command: `${RELAY} audit verify --data-dir ${RECORD_DATA_DIR}`, shown: true },
    {
      command: `${RELAY} audit verify --data-dir ${RECORD_DATA_DIR} \\\n     --expect ${seq}:${hash}   # a position an export cited`,
      shown: false,
    },
    {
      command: `${RELAY} audit figures --data-dir ${RECORD_DATA_DIR} --platform x --from 2026-11-01 --to 2026-11-22 \\\n     --zone Europe/Paris --lang fr --seq ${seq} --at 2026-11-23T10:00   # an export's figures table, recomputed from the log alone`,
      shown: true,
    },
    { command: `${RELAY} audit proof ${folder.proofFile} --data-dir ${RECORD_DATA_DIR}`, shown: true },
  ];
}

const backupSteps: Step[] = [
  { command: `${RELAY} backup ${BACKUP} --data-dir ${SERVER_DATA_DIR}`, shown: true },
  { command: `${RELAY} restore ${BACKUP} --data-dir ${SERVER_DATA_DIR}`, shown: false },
];

/** The server paths of the backup block, in the record folder. */
export function backupSubstitutions(folder: RecordFolder): Substitution[] {
  mkdirSync(join(folder.cwd, 'backups'), { recursive: true });
  return [
    [SERVER_DATA_DIR, join(folder.cwd, RECORD_DATA_DIR)],
    ['/backups', join(folder.cwd, 'backups')],
  ];
}

function render(steps: readonly Step[], folder: RecordFolder, substitutions: readonly Substitution[] = []): string {
  const lines = steps.flatMap((step) => {
    const run = runAsWritten(step.command, folder.cwd, substitutions);
    if (run.code !== 0) throw new Error(`${step.command} failed: ${run.stderr}`);
    return [step.command, ...(step.shown ? run.lines.map((line) => `# ${line}`) : [])];
  });
  return `\`\`\`sh\n${lines.join('\n')}\n\`\`\``;
}

/** Each example by the name of its marker in README.md. */
export async function readmeExamples(): Promise<Map<string, string>> {
  const folder = await buildRecordFolder();
  try {
    return new Map([
      ['checking-the-record', render(recordSteps(folder), folder)],
      ['backup-and-restore', render(backupSteps, folder, backupSubstitutions(folder))],
    ]);
  } finally {
    folder.remove();
  }
}
