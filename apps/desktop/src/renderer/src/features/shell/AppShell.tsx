import type { ReactNode } from 'react';
import type { Platform } from '../../platform/platform';

export function AppShell({ children }: { platform: Platform; children: ReactNode }) {
  return <main>{children}</main>;
}
