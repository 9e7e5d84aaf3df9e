import type { DesktopApi } from '../../../ipc/contract';

declare global {
  interface Window {
    /** The preload bridge; present only in the Electron app. */
    contactDesk?: DesktopApi;
  }
}

export {};
