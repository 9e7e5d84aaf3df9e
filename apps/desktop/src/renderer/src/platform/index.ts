import { createElectronPlatform } from './platform.electron';
import type { Platform } from './platform';
import { createWebPlatform } from './platform.web';

export type { Platform, StoredCredentials } from './platform';

/** The Electron bridge when the preload exposed it, the browser's services otherwise. */
export function createPlatform(): Platform {
  const bridge = typeof window === 'undefined' ? undefined : window.contactDesk;
  return bridge ? createElectronPlatform(bridge) : createWebPlatform();
}
