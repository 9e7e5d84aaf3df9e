/**
 * A README's `sh` block as commands and the output documented under each (`# ` lines), and
 * running a command as written, through `sh`, in a given folder.
 */
import { spawnSync } from 'node:child_process';

export interface DocumentedCommand {
  /** The command as written, continuation lines and trailing comment included. */
  readonly command: string;
  /** The `# ` lines right under it: what it prints (none when left out). */
  readonly output: readonly string[];
}

/** [path the document shows, path used instead]: a folder that exists only on a server. */
export type Substitution = readonly [shown: string, actual: string];

/** The commands of a shell block, in order. */
export function parseShellBlock(block: string): DocumentedCommand[] {
  const commands: { command: string; output: string[] }[] = [];
  let continued = false;
  for (const line of block.split('\n')) {
    const last = commands.at(-1);
    if (continued && last) last.command += `\n${line}`;
    else if (line.startsWith('#')) last?.output.push(line.replace(/^# ?/, ''));
    else if (line.trim() !== '') commands.push({ command: line, output: [] });
    continued = line.trimEnd().endsWith('\\');
  }
  return commands;
}

/** The first fenced `sh` block of a text. */
export function shellBlockOf(text: string): string {
  const block = /```sh\n([\s\S]*?)\n```/.exec(text)?.[1];
  if (block === undefined) throw new Error('no sh block');
  return block;
}

export interface CommandRun {
  readonly code: number;
  /** What it printed, with the substituted paths shown as the document shows them. */
  readonly lines: readonly string[];
  readonly stderr: string;
}

/** Runs a command as written (`sh -c`) in `cwd`, the substitutions' paths replaced. */
export function runAsWritten(command: string, cwd: string, substitutions: readonly Substitution[] = []): CommandRun {
  const actual = substitutions.reduce((text, [shown, real]) => text.replaceAll(shown, real), command);
  const run = spawnSync('sh', ['-c', actual], { cwd, encoding: 'utf8' });
  const stdout = substitutions.reduce((text, [shown, real]) => text.replaceAll(real, shown), run.stdout);
  return { code: run.status ?? 1, lines: stdout.trimEnd().split('\n'), stderr: run.stderr };
}
