/** Why a bridge call was refused before any effect. */
export type IpcRefusalReason = 'invalid-argument' | 'untrusted-sender';

/**
 * A refused bridge call. Only the message crosses to the renderer, so it starts with a fixed
 * prefix per reason: "Invalid argument for <channel>: …" or "Refused <channel>: …".
 */
export class IpcRefusedError extends Error {
  constructor(
    readonly channel: string,
    readonly reason: IpcRefusalReason,
    detail: string,
  ) {
    super(reason === 'invalid-argument' ? `Invalid argument for ${channel}: ${detail}` : `Refused ${channel}: ${detail}`);
    this.name = 'IpcRefusedError';
  }
}
