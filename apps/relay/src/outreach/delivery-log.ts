import { deliveriesRequestSchema, parseWith, protocolError, type DeliveriesResponse } from '@contact-desk/shared';
import type { RelayCore } from '../core/relay-core.js';
import type { Session } from '../core/session.js';
import type { Logger } from '../logger.js';
import type { OutboxStore } from '../storage/outbox-store.js';

/**
 * The prefect's delivery log (`deliveries` channel): the outbox newest first, paged with
 * `before`, optionally one status. Everyone else is refused with `forbidden` before anything is
 * read; it names who was messaged, never what.
 */
export async function answerDeliveries(
  core: RelayCore,
  connected: Session,
  payload: unknown,
  log: Pick<OutboxStore, 'deliveryPage'> | undefined,
  logger: Logger,
): Promise<DeliveriesResponse> {
  const session = core.refresh(connected);
  if (!session) return { ok: false, error: protocolError('unauthenticated', 'This device or user was revoked.') };
  if (session.user.role !== 'prefect') {
    return { ok: false, error: protocolError('forbidden', 'Only the prefect may read the delivery log.', { channel: 'deliveries' }) };
  }
  const request = parseWith(deliveriesRequestSchema, payload, 'deliveries request');
  if (!request.ok) return { ok: false, error: request.error };
  if (!log) return { ok: false, error: protocolError('not_found', 'This relay keeps no delivery log.') };
  try {
    return await log.deliveryPage(request.value);
  } catch (error) {
    logger.error({ err: error }, 'reading the delivery log failed');
    return { ok: false, error: protocolError('storage_unavailable', 'The relay could not read its delivery log. Try again later.') };
  }
}
