import type { Actor, Device, User } from '@contact-desk/shared';

/** An authenticated device: who acts, from which device. Built by the relay, never by a client. */
export interface Session {
  readonly user: User;
  readonly device: Device;
  readonly actor: Actor;
  /**
   * Set when a platform's tool acts through the REST API with an API key: the user and device
   * then stand for the key (see apps/relay/src/api/api-caller.ts), and each mutation checks that
   * the key is still live when it is decided.
   */
  readonly apiKeyId?: string;
}
