import type { Actor, ProtocolError } from '@contact-desk/shared';
import type { EnrollTransportError } from '@contact-desk/sync/enrollment';

/**
 * The one bridge between the renderer and the native side. The preload exposes exactly this
 * object as `window.contactDesk`; the main process validates every argument again.
 */
export const IPC_CHANNELS = {
  saveFile: 'contact-desk:save-file',
  printToPdf: 'contact-desk:print-to-pdf',
  notify: 'contact-desk:notify',
  setBadge: 'contact-desk:set-badge',
  tokenGet: 'contact-desk:token-get',
  tokenSet: 'contact-desk:token-set',
  tokenClear: 'contact-desk:token-clear',
  enroll: 'contact-desk:enroll',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

export interface SaveFileRequest {
  /** File name proposed in the dialog, without folders. */
  readonly suggestedName: string;
  readonly data: Uint8Array;
}

export interface SaveFileResult {
  readonly saved: boolean;
}

export interface NotifyRequest {
  readonly title: string;
  readonly body: string;
  /** Urgent notifications (a new P0, a deadline about to pass) stay until dismissed. */
  readonly urgent: boolean;
}

export { MAX_RELAY_ADDRESSES } from '@contact-desk/sync/relay-addresses';

/**
 * What a device keeps to reconnect: the relay's addresses, in the order they are tried (every
 * node serves every device, so any of them will do), and its device token. `pendingToken` is a
 * token the device made for a rotation and has not yet seen confirmed; it is stored before its
 * hash is sent, so a lost answer cannot lock the device out (absent in credentials stored before
 * rotation worked this way, and whenever no rotation is unsettled). Credentials stored before
 * devices kept a list name one `relayUrl`: they read back as a list of one.
 */
export interface StoredCredentials {
  readonly relayUrls: string[];
  readonly token: string;
  readonly pendingToken?: string;
}

/** A one-time enrollment code to exchange at the first of the relay's addresses that answers. */
export interface EnrollRequest {
  /** The relay's addresses, each an http(s) origin, in the order they are tried. */
  readonly relayUrls: string[];
  readonly code: string;
  readonly deviceLabel: string;
}

/**
 * How an enrollment ended: the device is enrolled (its credentials stored, its relay's origins
 * allowed once the page loads again) with the address that answered, or the reason it is not.
 */
export type EnrollmentAnswer =
  | { readonly ok: true; readonly relayUrl: string; readonly actor: Actor }
  | { readonly ok: false; readonly error: ProtocolError | EnrollTransportError };

export interface DesktopApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Prints the current window to a PDF file chosen by the user. */
  printToPdf(request: { readonly suggestedName: string }): Promise<SaveFileResult>;
  notify(request: NotifyRequest): Promise<void>;
  /** Count of items needing the user, shown on the dock/taskbar; 0 clears it. */
  setBadge(count: number): Promise<void>;
  /** Credentials of a profile, encrypted at rest with the OS keychain (Electron safeStorage). */
  getCredentials(profile: string): Promise<StoredCredentials | null>;
  /** Stores new tokens for the relays the profile enrolled with (never other relays: see `enroll`). */
  setCredentials(profile: string, credentials: StoredCredentials): Promise<void>;
  clearCredentials(profile: string): Promise<void>;
  /**
   * Enrolls this device in the main process and stores its credentials there; the page may reach
   * the relay once it has loaded again (its content security policy names the relays it may reach).
   */
  enroll(profile: string, request: EnrollRequest): Promise<EnrollmentAnswer>;
}
