import { hash } from 'node:crypto';
import { chainText, type DomainEvent, type LoggedEvent } from '@contact-desk/shared';

/**
 * The event's hash in the chain: SHA-256 (hex) of `chainText(prevHash, event)`. One-shot
 * `crypto.hash`: no hasher object per event, the same digest.
 */
export function hashEvent(prevHash: string, event: DomainEvent | LoggedEvent): string {
  return hash('sha256', chainText(prevHash, event), 'hex');
}

/** Links an event to the chain after `prevHash`. */
export function linkEvent(prevHash: string, event: DomainEvent): LoggedEvent {
  return { ...event, prevHash, hash: hashEvent(prevHash, event) };
}
