import { createHash } from 'node:crypto';
import { chainText, type DomainEvent, type LoggedEvent } from '@contact-desk/shared';

/** The event's hash in the chain: SHA-256 (hex) of `chainText(prevHash, event)`. */
export function hashEvent(prevHash: string, event: DomainEvent | LoggedEvent): string {
  return createHash('sha256').update(chainText(prevHash, event), 'utf8').digest('hex');
}

/** Links an event to the chain after `prevHash`. */
export function linkEvent(prevHash: string, event: DomainEvent): LoggedEvent {
  return { ...event, prevHash, hash: hashEvent(prevHash, event) };
}
