import type { EnrollmentAnswer, EnrollRequest, StoredCredentials } from '../../../ipc/contract';

/**
 * The native services the UI may use, whatever it runs in: the Electron app (through the
 * preload bridge) or a plain browser (the web client, and what the end-to-end tests drive).
 */
export interface NativeServices {
  readonly kind: 'electron' | 'web';
  /** Saves bytes to a file the user picks (native dialog) or downloads them (browser). */
  saveFile(suggestedName: string, mimeType: string, data: Uint8Array): Promise<boolean>;
  /** Prints the current view to PDF (native) or opens the print dialog (browser). */
  printToPdf(suggestedName: string): Promise<boolean>;
  notify(title: string, body: string, urgent: boolean): Promise<void>;
  setBadge(count: number): void;
  getCredentials(profile: string): Promise<StoredCredentials | null>;
  setCredentials(profile: string, credentials: StoredCredentials): Promise<void>;
  clearCredentials(profile: string): Promise<void>;
  /**
   * Exchanges a one-time code for this device's token at the first of the relay's addresses that
   * answers, and stores the credentials: from the page in a browser, from the main process in the
   * Electron app (the page may not reach a relay it has not enrolled with).
   */
  enroll(profile: string, request: EnrollRequest): Promise<EnrollmentAnswer>;
  /**
   * What follows a successful enrollment, once its actor is kept: the Electron app loads the page
   * again, since its content security policy, fixed at load, names the relays it may reach (true);
   * the web client does nothing, and the desk connects at once (false).
   */
  reloadAfterEnrollment(): boolean;
}

export type { EnrollmentAnswer, EnrollRequest, StoredCredentials };
