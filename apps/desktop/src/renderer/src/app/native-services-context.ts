import { createContext, useContext } from 'react';
import type { NativeServices } from '../native/native-services';

/** The native services, for features deep in the tree (exports save files through it). */
export const NativeServicesContext = createContext<NativeServices | null>(null);

export function useNativeServices(): NativeServices {
  const native = useContext(NativeServicesContext);
  if (!native) throw new Error('no NativeServices provided');
  return native;
}
