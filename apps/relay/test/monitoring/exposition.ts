/**
 * A reader of the Prometheus text exposition format (0.0.4), for the tests: `# TYPE` lines and
 * samples with their labels (escapes `\\`, `\"`, `\n` in label values). prom-client writes the
 * format but does not read it.
 */

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

type Labels = Readonly<Record<string, string>>;

/** The sample names a family of each type exposes. */
const SUFFIXES: Record<string, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

function parseValue(text: string): number {
  if (/^\+?inf$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(text)) return Number.NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`not a sample value: ${text}`);
  return value;
}

/** `{a="x",b="y\"z"}` from `start` (at `{`): the labels and the index after `}`. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start + 1;
  while (line[i] !== '}') {
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(i))?.[0];
    if (!name || line[i + name.length] !== '=' || line[i + name.length + 1] !== '"') throw new Error(`bad labels in: ${line}`);
    i += name.length + 2;
    let value = '';
    for (;;) {
      const char = line[i];
      if (char === undefined) throw new Error(`unterminated label value in: ${line}`);
      i += 1;
      if (char === '"') break;
      if (char !== '\\') {
        value += char;
        continue;
      }
      const escaped = line[i];
      i += 1;
      value += escaped === 'n' ? '\n' : (escaped ?? '');
    }
    labels[name] = value;
    if (line[i] === ',') i += 1;
  }
  return { labels, end: i + 1 };
}

function parseSample(line: string): Sample {
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
  if (!name) throw new Error(`not a sample: ${line}`);
  const { labels, end } = line[name.length] === '{' ? parseLabels(line, name.length) : { labels: {}, end: name.length };
  const [value = ''] = line.slice(end).trim().split(/\s+/);
  return { name, labels, value: parseValue(value) };
}

function matches(sample: Sample, match: Labels): boolean {
  return Object.entries(match).every(([key, value]) => sample.labels[key] === value);
}

export class Exposition {
  private constructor(
    /** Family name → type, from the `# TYPE` lines. */
    readonly types: ReadonlyMap<string, string>,
    readonly samples: readonly Sample[],
  ) {}

  static parse(text: string): Exposition {
    const types = new Map<string, string>();
    const samples: Sample[] = [];
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type?.[1] && type[2]) types.set(type[1], type[2]);
      else if (!line.startsWith('#')) samples.push(parseSample(line));
    }
    return new Exposition(types, samples);
  }

  /** Every sample name a query may use: each family's samples, whether they have a value yet or not. */
  names(): Set<string> {
    const names = new Set(this.samples.map((sample) => sample.name));
    for (const [family, type] of this.types) for (const suffix of SUFFIXES[type] ?? ['']) names.add(family + suffix);
    return names;
  }

  /** The samples of `name` whose labels include `match`. */
  select(name: string, match: Labels = {}): Sample[] {
    return this.samples.filter((sample) => sample.name === name && matches(sample, match));
  }

  /** The value of the one sample of `name` whose labels include `match`; throws when there is none or several. */
  value(name: string, match: Labels = {}): number {
    const found = this.select(name, match);
    if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(match)}`);
    return found[0]?.value ?? Number.NaN;
  }

  /** The sum of the samples of `name` whose labels include `match` (0 when there is none). */
  sum(name: string, match: Labels = {}): number {
    return this.select(name, match).reduce((total, sample) => total + sample.value, 0);
  }

  /** Non-zero samples of a counter, as `label=value,…` → value, for comparing with what a test did. */
  tally(name: string, labelNames: readonly string[]): Record<string, number> {
    const tally: Record<string, number> = {};
    for (const sample of this.select(name)) {
      if (sample.value === 0) continue;
      tally[labelNames.map((label) => sample.labels[label] ?? '').join(' ')] = sample.value;
    }
    return tally;
  }
}
