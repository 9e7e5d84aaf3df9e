import type { z } from 'zod';
import { entityIdSchema } from '../domain/ids.js';
import { ANSWER_BOUNDS, invalidPayload } from './bounded-error.js';
import { protocolError, type ProtocolError } from './errors.js';
import { mutationArgsSchemas, mutationEnvelopeSchema, type Mutation, type MutationType } from './mutations.js';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ProtocolError };

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, what: string): Parsed<z.output<S>> {
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: invalidPayload(result.error, what) };
}

function isMutationType(type: string): type is MutationType {
  return Object.hasOwn(mutationArgsSchemas, type);
}

/**
 * Validates one mutation from the wire. The mutation id is returned even when the rest is
 * invalid, so the client can match the rejection to its outbox entry. `maxBytes` bounds the
 * error (a push shares its answer's bound among its mutations).
 */
export function parseMutation(raw: unknown, maxBytes: number = ANSWER_BOUNDS.bytes): Parsed<Mutation> & { readonly mutationId?: string } {
  const envelope = mutationEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const error = invalidPayload(envelope.error, 'mutation', maxBytes);
    const claimed = typeof raw === 'object' && raw !== null ? (raw as { mutationId?: unknown }).mutationId : undefined;
    const id = entityIdSchema.safeParse(claimed);
    return id.success ? { ok: false, mutationId: id.data, error } : { ok: false, error };
  }
  const { mutationId, type, args, clientTime } = envelope.data;
  if (!isMutationType(type)) {
    return {
      ok: false,
      mutationId,
      error: protocolError('unknown_mutation', `Unknown mutation type "${type.slice(0, 64)}".`, { type }),
    };
  }
  const parsedArgs = mutationArgsSchemas[type].safeParse(args);
  if (!parsedArgs.success) {
    return { ok: false, mutationId, error: invalidPayload(parsedArgs.error, `${type} arguments`, maxBytes) };
  }
  const mutation = { mutationId, type, args: parsedArgs.data, clientTime } as Mutation;
  return { ok: true, mutationId, value: mutation };
}
