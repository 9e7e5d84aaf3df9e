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
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`not a JSON number: ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}

function canonicalArray(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    text += (i === 0 ? '' : ',') + (item === undefined ? 'null' : canonicalJson(item));
  }
  return `${text}]`;
}

/** Member names seen before, quoted: the same few dozen names recur in every event. */
const quotedNames = new Map<string, string>();

function quotedName(key: string): string {
  let quoted = quotedNames.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedNames.size < 10_000) quotedNames.set(key, quoted);
  }
  return quoted;
}

function canonicalObject(record: Record<string, unknown>): string {
  // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    text += (text.length === 1 ? '' : ',') + quotedName(key) + canonicalJson(member);
  }
  return `${text}}`;
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
