import { deviceTokenIssuedAt, PROTOCOL_VERSION, ROTATE_TOKEN_CHANNEL, type RotateTokenResponse } from '@contact-desk/shared';
import type { Socket } from 'socket.io-client';
import { deviceTokenHash, newDeviceToken } from '../device-token.js';
import type { SyncContext } from './sync-context.js';

/** What the app keeps of a device's tokens; `pendingToken` only while a rotation is unsettled. */
export interface DeviceTokens {
  readonly token: string;
  readonly pendingToken?: string;
}

/** Default age after which a device replaces its token. */
export const TOKEN_ROTATION_AGE_MS = 30 * 86_400_000;

export interface TokenRotationOptions {
  readonly token: string;
  /** A token made for a rotation whose answer never came (read back from the credential store). */
  readonly pendingToken?: string | undefined;
  /** A token older than this (relay time) is replaced on connecting. */
  readonly rotateTokenAfterMs?: number | undefined;
  /** Stores the device's tokens; without it tokens are never rotated. */
  readonly storeTokens?: ((tokens: DeviceTokens) => Promise<void> | void) | undefined;
}

/**
 * The device's token and the one it made to replace it: which one a connection presents, the
 * other one tried when the relay refuses it at the handshake, and the rotation itself.
 */
export class TokenRotation {
  private token: string;
  private pendingToken: string | undefined;
  /** Tokens the relay refused at the handshake since the last connection it accepted. */
  private readonly refusedTokens = new Set<string>();
  private rotating = false;

  constructor(
    private readonly context: SyncContext,
    private readonly options: TokenRotationOptions,
  ) {
    this.token = options.token;
    this.pendingToken = options.pendingToken;
  }

  /** The handshake's credentials: the token in force. */
  get auth(): Record<string, unknown> {
    return { token: this.token, protocolVersion: PROTOCOL_VERSION };
  }

  /**
   * The relay accepted `socket`: both tokens may be tried again after a later refusal, and a
   * pending token it accepted is the one in force now.
   */
  accepted(socket: Socket): void {
    this.refusedTokens.clear();
    this.adoptIfPending(socket);
  }

  /**
   * Replaces the device token once it is older than the configured age (a token that does not
   * say its age is replaced at once), or at once while a pending token is stored. The device
   * makes the new token and stores it as pending before sending only its hash, so an answer lost
   * on the way back cannot lock it out: the relay then accepts one of its two stored tokens. On
   * `ok` the new token is the one in force; any other outcome keeps the pending token stored, to
   * be tried at the next handshake or sent again on the next session.
   */
  async rotateIfOld(serverTime: number): Promise<void> {
    const store = this.options.storeTokens;
    const issuedAt = deviceTokenIssuedAt(this.token);
    const maxAge = this.options.rotateTokenAfterMs ?? TOKEN_ROTATION_AGE_MS;
    const old = issuedAt === null || serverTime - issuedAt >= maxAge;
    if (!store || this.rotating || (!old && !this.pendingToken)) return;
    const socket = this.context.socket;
    this.rotating = true;
    try {
      // A pending token already stored is sent again rather than replaced: an earlier request
      // with its hash may still reach the relay, and the device must hold whatever it names.
      let pending = this.pendingToken;
      if (!pending) {
        pending = newDeviceToken(serverTime);
        await store({ token: this.token, pendingToken: pending });
        this.pendingToken = pending;
      }
      const tokenHash = await deviceTokenHash(pending);
      if (this.context.socket !== socket || !socket?.connected) return;
      const response = await this.context.ask<RotateTokenResponse>(ROTATE_TOKEN_CHANNEL, { tokenHash });
      if (!response?.ok || this.pendingToken !== pending) return;
      // A relay of the earlier form ignores the hash, makes a token itself and sends it back:
      // that one is then the token in force, not the pending one.
      const issued = (response as { token?: unknown }).token;
      await this.adopt(typeof issued === 'string' && issued.length > 0 ? issued : pending);
    } finally {
      this.rotating = false;
    }
  }

  /**
   * After the relay refused a token at the handshake: connects again with the other stored token
   * (the pending one after the current one, or back), each tried once per round. False when both
   * were refused: the device is really revoked.
   */
  tryOtherToken(socket: Socket): boolean {
    const refused = (socket.auth as { token?: unknown }).token;
    if (typeof refused === 'string') this.refusedTokens.add(refused);
    const next = [this.token, this.pendingToken].find((token) => token !== undefined && !this.refusedTokens.has(token));
    if (!next) return false;
    socket.auth = { token: next, protocolVersion: PROTOCOL_VERSION };
    socket.connect();
    return true;
  }

  /**
   * Connected with the pending token: the relay committed the rotation whose answer was lost, so
   * that token is in force and the old one is dropped. (Connected with the current token while a
   * pending one is stored, the rotation is sent again on the session: see `rotateIfOld`.)
   */
  private adoptIfPending(socket: Socket): void {
    const used = (socket.auth as { token?: unknown }).token;
    if (!this.pendingToken || used !== this.pendingToken) return;
    void this.adopt(this.pendingToken).catch((error: unknown) => {
      // Both tokens stay stored: the next start tries them again.
      // eslint-disable-next-line no-console
      console.error('contact-desk token rotation:', error);
    });
  }

  /** Makes `token` the one in force, for later connections and in the credential store. */
  private async adopt(token: string): Promise<void> {
    this.token = token;
    this.pendingToken = undefined;
    const socket = this.context.socket;
    if (socket) socket.auth = { token, protocolVersion: PROTOCOL_VERSION };
    await this.options.storeTokens?.({ token });
  }
}
