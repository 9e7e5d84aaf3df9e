import { createContext, useContext } from 'react';
import type { Platform } from '../platform/platform';

/** The native services, for features deep in the tree (exports save files through it). */
export const PlatformContext = createContext<Platform | null>(null);

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('no Platform provided');
  return platform;
}
