import { chainText, HASH_PATTERN, type LoggedEvent, type LogPosition } from './chain.js';

export const CHAIN_PROOF_FORMAT = 'contact-desk-chain-proof/1';

/**
 * First line of a chain proof: what the file covers and how to check it. The other lines are
 * the events, one JSON object per line, each with its `prevHash` and `hash`.
 */
export interface ChainProofHeader {
  readonly format: typeof CHAIN_PROOF_FORMAT;
  readonly platformId: string;
  /** Relay time at which the file was made. */
  readonly generatedAt: number;
  /** The log position the file was made at (the device's cursor): seq and hash. */
  readonly head: LogPosition | null;
  readonly events: number;
  readonly rule: string;
}

export const CHAIN_RULE =
  'hash = sha256_hex(prevHash + "\\n" + RFC8785_canonical_json(event without prevHash and hash)); the first event of the log has prevHash = 64 zeros';

/** A platform's own events (those addressed to it), as JSON lines, with the chain proof. */
export function chainProofText(platformId: string, events: readonly LoggedEvent[], head: LogPosition | null, generatedAt: number): string {
  const own = events
    .filter((event) => event.audience.kind === 'platform' && event.audience.platformId === platformId)
    .sort((a, b) => a.seq - b.seq);
  const header: ChainProofHeader = { format: CHAIN_PROOF_FORMAT, platformId, generatedAt, head, events: own.length, rule: CHAIN_RULE };
  return [header, ...own].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

export interface ChainProofCheck {
  readonly header: ChainProofHeader;
  readonly events: readonly LoggedEvent[];
  /** Every line that fails, with why. Empty when the proof holds. */
  readonly failures: readonly { readonly line: number; readonly reason: string }[];
}

/**
 * Checks a chain proof on its own: every event's hash is the hash of its content after its
 * `prevHash`, and consecutive seqs are linked. `sha256Hex` is the caller's SHA-256 (Node's crypto,
 * WebCrypto…). Checking the hashes against the relay's log is the second half (`relay audit proof`).
 */
export function checkChainProof(text: string, sha256Hex: (text: string) => string): ChainProofCheck {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const header = parseLine(lines[0]) as ChainProofHeader | undefined;
  if (!header || header.format !== CHAIN_PROOF_FORMAT)
    throw new TypeError(`not a Contact Desk chain proof (expected ${CHAIN_PROOF_FORMAT})`);
  const failures: { line: number; reason: string }[] = [];
  const events: LoggedEvent[] = [];
  let previous: LoggedEvent | undefined;
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    const event = parseLine(text) as LoggedEvent | undefined;
    if (!event || typeof event.seq !== 'number' || !HASH_PATTERN.test(String(event.prevHash)) || !HASH_PATTERN.test(String(event.hash))) {
      failures.push({ line, reason: 'not an event with seq, prevHash and hash' });
      return;
    }
    if (sha256Hex(chainText(event.prevHash, event)) !== event.hash)
      failures.push({ line, reason: `event ${event.seq}: content does not match its hash` });
    if (previous && event.seq <= previous.seq) failures.push({ line, reason: `event ${event.seq} comes after ${previous.seq}` });
    if (previous && event.seq === previous.seq + 1 && event.prevHash !== previous.hash) {
      failures.push({ line, reason: `event ${event.seq} is not linked to event ${previous.seq}` });
    }
    if (event.audience?.kind !== 'platform' || event.audience.platformId !== header.platformId) {
      failures.push({ line, reason: `event ${event.seq} is not addressed to ${header.platformId}` });
    }
    events.push(event);
    previous = event;
  });
  if (events.length !== header.events)
    failures.push({ line: 1, reason: `the header announces ${header.events} events, the file has ${events.length}` });
  return { header, events, failures };
}

function parseLine(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
