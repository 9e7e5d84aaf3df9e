/** Every way the relay can refuse something. Stable strings: clients switch on them. */
export const ERROR_CODES = [
  'invalid_payload',
  'unknown_mutation',
  'unauthenticated',
  'unsupported_protocol',
  'forbidden',
  'not_found',
  'illegal_transition',
  'conflict',
  'mutation_id_reused',
  'rate_limited',
  'storage_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Machine-readable details (e.g. the field path of a schema issue, the current status). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export function protocolError(code: ErrorCode, message: string, details?: Readonly<Record<string, unknown>>): ProtocolError {
  return details === undefined ? { code, message } : { code, message, details };
}

/**
 * A refusal a client can word in its user's language: `details.reason` names the rule (stable,
 * like the code) and the other details are its parameters. `message` stays for logs and tools.
 */
export function refusal(code: ErrorCode, reason: string, message: string, params: Readonly<Record<string, unknown>> = {}): ProtocolError {
  return protocolError(code, message, { ...params, reason });
}

/** The reason of a refusal, when it carries one. */
export function reasonOf(error: ProtocolError): string | undefined {
  const reason = error.details?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** The same words for "does not exist" and "exists but not yours": nothing leaks. */
export function notFound(what: string, id: string): ProtocolError {
  return refusal('not_found', 'not_visible', `No ${what} ${id} is visible to you.`, { id, what });
}

/**
 * One answer for a new thing's id that cannot be used, whatever already holds it: a thing the
 * sender may see or one they may not (another platform's comment, a ministry-only note), of the
 * same kind or not. It names only what the sender was creating, never what holds the id.
 */
export function idUnavailable(what: string, id: string): ProtocolError {
  return refusal('conflict', 'id_unavailable', `The id ${id} cannot be used for a new ${what}: choose another.`, { id, what });
}
