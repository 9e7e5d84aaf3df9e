import type { DomainEvent } from './events.js';

/**
 * The log's hash chain. Every event is linked to the one before it:
 *
 *     hash = sha256_hex( prevHash + "\n" + canonical(event) )
 *
 * where `canonical` is the JSON Canonicalization Scheme (RFC 8785) of the event without its
 * `prevHash` and `hash`: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings written as ECMAScript's `JSON.stringify` writes them. The first event's `prevHash` is
 * {@link GENESIS_HASH}. Editing, deleting or reordering any event changes every hash after it, so
 * a head hash cited in an export pins the whole log up to that point.
 *
 * The hashing itself is left to the caller (Node's `crypto`, WebCrypto…): this package stays free
 * of platform APIs, and the text to hash is the contract.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** An event's place in the chain. */
export interface ChainLink {
  readonly prevHash: string;
  readonly hash: string;
}

/** An event as the relay stores and sends it: with its link in the chain. */
export type LoggedEvent = DomainEvent & ChainLink;

/** A position in the log that anyone can check: the seq of an event and its hash. */
export interface LogPosition {
  readonly seq: number;
  readonly hash: string;
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** RFC 8785 canonical JSON of a JSON value (undefined members are left out, as JSON does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`not a JSON value: ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

/** The fields of an event that its hash covers: everything but its own link. */
export function hashedFields(event: DomainEvent | LoggedEvent): DomainEvent {
  return {
    seq: event.seq,
    serverTime: event.serverTime,
    type: event.type,
    payload: event.payload,
    actor: event.actor,
    mutationId: event.mutationId,
    clientTime: event.clientTime,
    audience: event.audience,
  } as DomainEvent;
}

/** The exact text whose SHA-256 is the event's hash. */
export function chainText(prevHash: string, event: DomainEvent | LoggedEvent): string {
  return `${prevHash}\n${canonicalJson(hashedFields(event))}`;
}
