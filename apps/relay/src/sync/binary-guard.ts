import { protocolError, type ProtocolError } from '@contact-desk/shared';

/** Whether a value is binary data as Socket.IO hands it over (a Buffer, an ArrayBuffer, a typed array). */
function isBinary(value: unknown): boolean {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/**
 * The refusal of a message that carries binary data anywhere, found without recursion (a
 * message nested a million levels deep costs a walk, not the stack) and before any schema
 * runs: a schema would list every byte of a Buffer as an unknown key. Nothing of the protocol
 * is binary, so the answer is the same wherever the bytes are.
 */
export function binaryRefusal(values: readonly unknown[]): ProtocolError | undefined {
  const pending: unknown[] = [...values];
  while (pending.length > 0) {
    const value = pending.pop();
    if (isBinary(value)) return protocolError('invalid_payload', 'Binary data is not accepted: send JSON values only.');
    if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) pending.push(child);
  }
  return undefined;
}
