import type { ReactNode } from 'react';
import type { NativeServices } from '../../native/native-services';
import { ShellHeader } from './ShellHeader';
import { SyncBar } from './SyncBar';
import '../../styles/shell.css';

/** The frame of every screen once enrolled: header, the link to the relay, the screen itself. */
export function AppShell({ children }: { native: NativeServices; children: ReactNode }) {
  return (
    <div className="shell">
      <ShellHeader />
      <SyncBar />
      <main className="shell-main" id="main">
        {children}
      </main>
    </div>
  );
}
