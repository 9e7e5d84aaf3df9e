import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { IPC_CHANNELS, type NotifyRequest, type SaveFileResult, type StoredCredentials } from '../ipc/contract';
import {
  badgeSchema,
  credentialsSchema,
  notifySchema,
  printToPdfSchema,
  profileSchema,
  saveFileSchema,
} from '../ipc/validation';
import type { CredentialStore } from './credential-store';
import { originOf } from './origin';

/** The native effects behind the bridge; each receives arguments already validated. */
export interface NativeServices {
  saveFile(sender: WebContents, suggestedName: string, data: Uint8Array): Promise<SaveFileResult>;
  printToPdf(sender: WebContents, suggestedName: string): Promise<SaveFileResult>;
  notify(request: NotifyRequest): void;
  setBadge(count: number): void;
  credentials: CredentialStore;
}

/** The part of a sending frame that decides trust (Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** Only the app's own top-level document may call the bridge — not an iframe, not another site. */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && originOf(frame.url) === appOrigin;
}

export function validated<T>(channel: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`);
    throw new Error(`Invalid argument for ${channel}: ${reasons.join('; ')}`);
  }
  return result.data;
}

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** One handler per channel: sender checked first, then every argument, then the effect. */
export function createIpcHandlers(services: NativeServices): Record<string, (sender: WebContents, args: unknown[]) => Promise<unknown>> {
  const C = IPC_CHANNELS;
  return {
    [C.saveFile]: async (sender, [request]) => {
      const { suggestedName, data } = validated(C.saveFile, saveFileSchema, request);
      return services.saveFile(sender, suggestedName, data);
    },
    [C.printToPdf]: async (sender, [request]) => {
      const { suggestedName } = validated(C.printToPdf, printToPdfSchema, request);
      return services.printToPdf(sender, suggestedName);
    },
    [C.notify]: async (_sender, [request]) => {
      services.notify(validated(C.notify, notifySchema, request));
    },
    [C.setBadge]: async (_sender, [count]) => {
      services.setBadge(validated(C.setBadge, badgeSchema, count));
    },
    [C.tokenGet]: async (_sender, [profile]) =>
      services.credentials.get(validated(C.tokenGet, profileSchema, profile)),
    [C.tokenSet]: async (_sender, [profile, credentials]) => {
      const validProfile = validated(C.tokenSet, profileSchema, profile);
      const validCredentials: StoredCredentials = validated(C.tokenSet, credentialsSchema, credentials);
      await services.credentials.set(validProfile, validCredentials);
    },
    [C.tokenClear]: async (_sender, [profile]) => {
      await services.credentials.clear(validated(C.tokenClear, profileSchema, profile));
    },
  };
}

export function registerIpcHandlers(ipcMain: IpcMain, appOrigin: string, services: NativeServices): void {
  for (const [channel, handle] of Object.entries(createIpcHandlers(services))) {
    const guarded: Handler = async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame, appOrigin)) {
        throw new Error(`Refused ${channel}: the sender is not the Contact Desk window`);
      }
      return handle(event.sender, args);
    };
    ipcMain.handle(channel, guarded);
  }
}
