import type { Actor, Device, User } from '@contact-desk/shared';

/** An authenticated device: who acts, from which device. Built by the relay, never by a client. */
export interface Session {
  readonly user: User;
  readonly device: Device;
  readonly actor: Actor;
}
