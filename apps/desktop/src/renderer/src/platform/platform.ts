import type { StoredCredentials } from '../../../ipc/contract';

/**
 * The native services the UI may use, whatever it runs in: the Electron app (through the
 * preload bridge) or a plain browser (the web client, and what the end-to-end tests drive).
 */
export interface Platform {
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
}

export type { StoredCredentials };
