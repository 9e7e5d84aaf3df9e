import { createElectronServices } from './electron-services';
import type { NativeServices } from './native-services';
import { createWebServices } from './web-services';

export type { NativeServices, StoredCredentials } from './native-services';

/** The Electron bridge when the preload exposed it, the browser's services otherwise. */
export function createNativeServices(): NativeServices {
  const bridge = typeof window === 'undefined' ? undefined : window.contactDesk;
  return bridge ? createElectronServices(bridge) : createWebServices();
}
