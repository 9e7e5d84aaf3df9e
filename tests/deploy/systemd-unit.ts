/**
 * A systemd unit file read as systemd reads the parts the tests use: sections, repeated keys,
 * comments, continuation lines, the command lines of ExecStart= and ExecReload=, and
 * EnvironmentFile= contents.
 */

export type UnitFile = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

export function parseUnit(text: string): UnitFile {
  const sections = new Map<string, Map<string, string[]>>();
  let section: Map<string, string[]> | undefined;
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = pending + raw.trim();
    pending = '';
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.endsWith('\\')) {
      pending = `${line.slice(0, -1)} `;
      continue;
    }
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      section = new Map();
      sections.set(header[1], section);
      continue;
    }
    const at = line.indexOf('=');
    if (!section || at < 0) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, at).trim();
    section.set(key, [...(section.get(key) ?? []), line.slice(at + 1).trim()]);
  }
  return sections;
}

/** The last value of a key (systemd's rule for single-valued settings). */
export function setting(unit: UnitFile, section: string, key: string): string | undefined {
  return unit.get(section)?.get(key)?.at(-1);
}

export function settings(unit: UnitFile, section: string, key: string): readonly string[] {
  return unit.get(section)?.get(key) ?? [];
}

/** A command line's words, quotes honoured, without systemd's prefixes (`-`, `@`, `:`, `+`, `!`). */
export function commandLine(value: string): string[] {
  const words: string[] = [];
  for (const match of value.replace(/^[-@:+!]+/, '').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

/** `Environment=` values: `NAME=value` words. */
export function environmentAssignments(values: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const value of values) {
    for (const word of commandLine(value)) {
      const at = word.indexOf('=');
      if (at > 0) env[word.slice(0, at)] = word.slice(at + 1);
    }
  }
  return env;
}

/** An EnvironmentFile's variables: `NAME=value` lines, `#` and `;` comments, quotes removed. */
export function environmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match?.[1]) throw new Error(`not an environment line: ${line}`);
    env[match[1]] = (match[2] ?? '').replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
  }
  return env;
}
