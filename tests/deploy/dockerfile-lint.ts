/**
 * A Dockerfile read as the builder reads it (parser directives, comments, line continuations,
 * JSON exec form), and the rules the relay's image must follow, each returning what breaks it.
 * No Docker engine runs where the tests run: these rules are what can be checked without one.
 */

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY… */
  readonly keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  readonly args: string;
  /** 1-based line of the keyword. */
  readonly line: number;
}

export interface Stage {
  readonly image: string;
  readonly name: string | undefined;
  readonly instructions: readonly Instruction[];
}

/**
 * Instructions in order. A line ending in the escape character continues on the next; comment
 * lines inside a continued instruction are dropped, as the builder does; `# syntax=` and
 * `# escape=` directives are honoured only before anything else.
 */
export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  let index = 0;
  for (; index < lines.length; index += 1) {
    const directive = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(lines[index] ?? '');
    if (!directive) break;
    if (directive[1]?.toLowerCase() === 'escape') escape = directive[2] ?? '\\';
  }
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  for (; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && !pending)) continue;
    const continues = trimmed.endsWith(escape);
    const part = continues ? trimmed.slice(0, -escape.length).trim() : trimmed;
    pending = pending ? { text: `${pending.text} ${part}`.trim(), line: pending.line } : { text: part, line: index + 1 };
    if (continues) continue;
    const [keyword = '', ...rest] = pending.text.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
    pending = undefined;
  }
  if (pending) throw new Error(`line ${pending.line}: the last instruction ends with a continuation`);
  return instructions;
}

export function stagesOf(instructions: readonly Instruction[]): Stage[] {
  const stages: { image: string; name: string | undefined; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      stages.push({ image: words[0] ?? '', name: words[1]?.toUpperCase() === 'AS' ? words[2] : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new Error(`line ${instruction.line}: ${instruction.keyword} before FROM`);
    } else {
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The JSON array of an exec-form instruction, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.trim().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The command of a HEALTHCHECK, after its options. */
function healthcheckCommand(args: string): string {
  return args.replace(/^(--[a-z-]+=\S+\s+)*/, '').replace(/^CMD\s+/i, '');
}

const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|_KEY\b|DATABASE_URL|SMTP_URL|CREDENTIAL/i;

/** Every rule the image breaks, as `line N: what` (line 0 for the file as a whole). Empty: none. */
export function lintRelayDockerfile(text: string, expected: { dataDir: string; port: number }): string[] {
  const problems: string[] = [];
  const say = (line: number, what: string) => problems.push(`line ${line}: ${what}`);
  const instructions = parseDockerfile(text);
  const stages = stagesOf(instructions);
  const stageNames = new Set(stages.map((stage) => stage.name).filter(Boolean));
  const final = stages[stages.length - 1];
  if (stages.length < 2 || !final) say(0, 'not multi-stage: build in one stage, run in another');
  for (const instruction of instructions.filter((i) => i.keyword === 'FROM')) {
    const image = instruction.args.split(/\s+/).find((word) => !word.startsWith('--')) ?? '';
    if (stageNames.has(image)) continue;
    const [, tag] = /^[^@]+?(?::([^:/@]+))?(@sha256:[0-9a-f]{64})?$/.exec(image) ?? [];
    if (!tag || tag === 'latest') say(instruction.line, `${image}: pin the base image by a tag other than latest`);
  }
  for (const instruction of instructions) {
    const { keyword, args, line } = instruction;
    if (keyword === 'ADD') say(line, /https?:\/\//.test(args) ? 'ADD of a URL: download in a checked step, or COPY' : 'ADD: use COPY');
    if (keyword === 'RUN' && /\bnpm\s+(install|i|add)\b/.test(args))
      say(line, 'npm install: use npm ci, which installs the lock file exactly');
    if (keyword === 'RUN' && /\bapt-get\s+install\b/.test(args)) {
      if (!/\bapt-get\s+update\b/.test(args)) say(line, 'apt-get install without apt-get update in the same RUN');
      if (!/--no-install-recommends/.test(args)) say(line, 'apt-get install without --no-install-recommends');
      if (!/rm -rf \/var\/lib\/apt\/lists\/\*/.test(args)) say(line, 'apt lists left in the layer: rm -rf /var/lib/apt/lists/*');
    }
    if ((keyword === 'ENV' || keyword === 'ARG') && args.split(/\s+/).some((word) => SECRET_NAME.test(word.split('=')[0] ?? ''))) {
      say(line, `${keyword} names a secret: it would stay in the image's layers and history`);
    }
    if (keyword === 'COPY' && /(^|\s)\S*(\.env|\.pem|\.key|secret)\S*(\s|$)/i.test(args)) say(line, 'COPY of a secret-looking file');
  }
  if (!final) return problems;
  const body = final.instructions;
  const at = (keyword: string) => body.filter((i) => i.keyword === keyword);
  const lastIndex = (keyword: string) => body.map((i) => i.keyword).lastIndexOf(keyword);
  const users = at('USER');
  const lastUser = users[users.length - 1];
  const uid = lastUser?.args.split(':')[0] ?? '';
  if (!lastUser) say(0, 'the running stage has no USER: it would run as root');
  else if (!/^[1-9]\d*$/.test(uid)) say(lastUser.line, `USER ${lastUser.args}: a numeric uid other than 0`);
  for (const keyword of ['CMD', 'ENTRYPOINT']) {
    const found = at(keyword);
    if (found.length === 0) say(0, `no ${keyword}`);
    for (const instruction of found)
      if (!execForm(instruction.args)) say(instruction.line, `${keyword} in shell form: write it as a JSON array`);
    if (lastUser && lastIndex(keyword) >= 0 && lastIndex(keyword) < lastIndex('USER')) say(0, `USER comes after ${keyword}`);
  }
  const healthcheck = at('HEALTHCHECK')[0];
  if (!healthcheck) say(0, 'no HEALTHCHECK');
  else {
    const command = execForm(healthcheckCommand(healthcheck.args));
    if (!command) say(healthcheck.line, 'HEALTHCHECK command in shell form: write it as a JSON array');
    else if (command[0] !== 'node') say(healthcheck.line, 'HEALTHCHECK must run node (the slim image has no curl or wget)');
  }
  const volumes = at('VOLUME').flatMap((i) => execForm(i.args) ?? i.args.split(/\s+/));
  if (!volumes.includes(expected.dataDir)) say(0, `no VOLUME for the data folder ${expected.dataDir}`);
  const env = at('ENV')
    .map((i) => i.args)
    .join(' ');
  if (!env.includes(`CONTACT_DESK_DATA_DIR=${expected.dataDir}`)) say(0, `ENV CONTACT_DESK_DATA_DIR is not ${expected.dataDir}`);
  if (!at('EXPOSE').some((i) => i.args.split(/\s+/).includes(String(expected.port)))) say(0, `no EXPOSE ${expected.port}`);
  if (!env.includes(`CONTACT_DESK_PORT=${expected.port}`)) say(0, `ENV CONTACT_DESK_PORT is not ${expected.port}`);
  if (at('STOPSIGNAL')[0]?.args !== 'SIGTERM') say(0, 'STOPSIGNAL is not SIGTERM (the relay flushes and closes on it)');
  for (const run of at('RUN'))
    if (/apt-get\s+install|npm\s+ci/.test(run.args)) say(run.line, 'the running stage installs packages: do it in the build stage');
  return problems;
}
