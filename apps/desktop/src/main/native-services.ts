import { BrowserWindow, Notification, app, dialog, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EnrollmentAnswer, EnrollRequest, SaveFileResult } from '../ipc/contract';
import type { CredentialStore } from './credential-store';
import type { NativeServices } from './ipc-handlers';

/** Asks where to save (starting in Downloads); null when the user cancels. */
async function chooseSavePath(sender: WebContents, suggestedName: string, pdf: boolean): Promise<string | null> {
  const options = {
    defaultPath: join(app.getPath('downloads'), suggestedName),
    ...(pdf ? { filters: [{ name: 'PDF', extensions: ['pdf'] }] } : {}),
  };
  const window = BrowserWindow.fromWebContents(sender);
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export function createNativeServices(
  credentials: CredentialStore,
  enroll: (profile: string, request: EnrollRequest) => Promise<EnrollmentAnswer>,
): NativeServices {
  return {
    async saveFile(sender, suggestedName, data): Promise<SaveFileResult> {
      const path = await chooseSavePath(sender, suggestedName, false);
      if (path === null) return { saved: false };
      await writeFile(path, data);
      return { saved: true };
    },
    async printToPdf(sender, suggestedName): Promise<SaveFileResult> {
      const path = await chooseSavePath(sender, suggestedName, true);
      if (path === null) return { saved: false };
      const pdf = await sender.printToPDF({ printBackground: true, pageSize: 'A4' });
      await writeFile(path, pdf);
      return { saved: true };
    },
    notify({ title, body, urgent }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({
        title,
        body,
        ...(urgent ? { urgency: 'critical' as const, timeoutType: 'never' as const } : {}),
      });
      notification.on('click', () => {
        const window = BrowserWindow.getAllWindows()[0];
        if (window) {
          if (window.isMinimized()) window.restore();
          window.focus();
        }
      });
      notification.show();
    },
    setBadge(count) {
      app.setBadgeCount(count);
    },
    credentials,
    enroll,
  };
}
