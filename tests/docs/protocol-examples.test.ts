/**
 * The examples of docs/protocol.md are frames of a real relay run (`npm run docs:examples`): the
 * document must hold exactly what the relay produces now, and what it shows must hold together
 * (each event's hash is the hash of the event as shown, chained to the one before).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chainText, type LiveEvents, type LoggedEvent, type PullResponse } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { fillMarkers, markerNames } from '../../scripts/doc-examples/markers';
import { readDoc, repoRoot } from './markdown';

const protocol = readDoc('docs/protocol.md');

/** The JSON of the fenced block between a marker's comments. */
function example<T>(name: string): T {
  const part = new RegExp(`<!-- example:${name}:begin -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\`\\n<!-- example:${name}:end -->`).exec(
    protocol,
  );
  if (!part?.[1]) throw new Error(`no example "${name}" in docs/protocol.md`);
  return JSON.parse(part[1]) as T;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the examples of docs/protocol.md', () => {
  it("are what a relay produces now, and so are the README's (npm run docs:examples -- --check)", async () => {
    const run = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile('npm', ['run', '--silent', 'docs:examples', '--', '--check'], { cwd: repoRoot }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    expect(run.output).toContain('docs/protocol.md: examples up to date');
    expect(run.output).toContain('README.md: examples up to date');
    expect(run.code).toBe(0);
  }, 300_000);

  it('show events whose hashes are those of their content, each chained to the last', () => {
    const pulled = example<Extract<PullResponse, { ok: true }>>('worked-pull-response');
    const live = ['worked-receipt', 'worked-acknowledged'].map((name) => example<LiveEvents>(name));
    const events: LoggedEvent[] = [...pulled.events, ...live.flatMap((message) => message.events)];
    expect(events.length).toBeGreaterThan(3);
    for (const event of events) expect(sha256(chainText(event.prevHash, event)), `seq ${event.seq}`).toBe(event.hash);
    // The pull reaches the head, whose hash the receipt's event is chained to; each live message follows the last.
    expect(live[0]?.events[0]?.prevHash).toBe(pulled.upToHash);
    expect(live[0]?.afterSeq).toBe(pulled.upToSeq);
    expect(live[1]?.afterSeq).toBe(live[0]?.upToSeq);
    expect(live[1]?.events[0]?.prevHash).toBe(live[0]?.upToHash);
  });

  it('show device tokens in the format relays issue now', () => {
    const enrolled = example<{ token: string }>('enroll-response');
    expect(enrolled.token).toMatch(/^cdt_[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(example<{ token: string }>('worked-auth').token).toBe(enrolled.token);
  });

  it('fill only the parts between markers, and refuse a marker without an example or the reverse', () => {
    const document = 'intro\n<!-- example:a:begin -->\nold\n<!-- example:a:end -->\noutro\n';
    expect(markerNames(document)).toEqual(['a']);
    expect(fillMarkers(document, new Map([['a', 'new']]))).toBe('intro\n<!-- example:a:begin -->\nnew\n<!-- example:a:end -->\noutro\n');
    expect(() => fillMarkers(document, new Map())).toThrow(/no example/);
    expect(() =>
      fillMarkers(
        document,
        new Map([
          ['a', 'new'],
          ['b', 'x'],
        ]),
      ),
    ).toThrow(/no marker/);
  });
});
