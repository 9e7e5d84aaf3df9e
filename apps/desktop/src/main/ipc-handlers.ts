import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  IPC_CHANNELS,
  type EnrollmentAnswer,
  type EnrollRequest,
  type IpcChannel,
  type NotifyRequest,
  type SaveFileResult,
} from '../ipc/contract';
import { IpcRefusedError } from '../ipc/refusal';
import { parseChannelArguments, type ChannelArguments } from '../ipc/validation';
import type { CredentialStore } from './credential-store';
import { originOf } from './origin';

/** The native effects behind the bridge; each receives arguments already validated. */
export interface NativeServices {
  saveFile(sender: WebContents, suggestedName: string, data: Uint8Array): Promise<SaveFileResult>;
  printToPdf(sender: WebContents, suggestedName: string): Promise<SaveFileResult>;
  notify(request: NotifyRequest): void;
  setBadge(count: number): void;
  credentials: CredentialStore;
  /** Enrolls the device with the relay and stores its credentials (see `DesktopApi.enroll`). */
  enroll(profile: string, request: EnrollRequest): Promise<EnrollmentAnswer>;
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

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** What a channel does with its already-validated arguments. */
type Effects = { [C in IpcChannel]: (sender: WebContents, args: ChannelArguments<C>) => Promise<unknown> };

function effectsOf(services: NativeServices): Effects {
  const C = IPC_CHANNELS;
  return {
    [C.saveFile]: (sender, [{ suggestedName, data }]) => services.saveFile(sender, suggestedName, data),
    [C.printToPdf]: (sender, [{ suggestedName }]) => services.printToPdf(sender, suggestedName),
    [C.notify]: async (_sender, [request]) => services.notify(request),
    [C.setBadge]: async (_sender, [count]) => services.setBadge(count),
    [C.tokenGet]: (_sender, [profile]) => services.credentials.get(profile),
    [C.tokenSet]: (_sender, [profile, credentials]) => services.credentials.set(profile, credentials),
    [C.tokenClear]: (_sender, [profile]) => services.credentials.clear(profile),
    [C.enroll]: (_sender, [profile, request]) => services.enroll(profile, request),
  };
}

/**
 * One handler per channel: the whole argument list is parsed against the channel's schema
 * (wrong type, missing or extra argument → IpcRefusedError) before the effect runs.
 */
export function createIpcHandlers(
  services: NativeServices,
): Record<IpcChannel, (sender: WebContents, args: unknown[]) => Promise<unknown>> {
  const effects = effectsOf(services);
  const handlerOf =
    <C extends IpcChannel>(channel: C) =>
    async (sender: WebContents, args: unknown[]): Promise<unknown> =>
      effects[channel](sender, parseChannelArguments(channel, args));
  const channels = Object.values(IPC_CHANNELS);
  return Object.fromEntries(channels.map((channel) => [channel, handlerOf(channel)])) as Record<
    IpcChannel,
    (sender: WebContents, args: unknown[]) => Promise<unknown>
  >;
}

export function registerIpcHandlers(ipcMain: IpcMain, appOrigin: string, services: NativeServices): void {
  for (const [channel, handle] of Object.entries(createIpcHandlers(services))) {
    const guarded: Handler = async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame, appOrigin)) {
        throw new IpcRefusedError(channel, 'untrusted-sender', 'the sender is not the Contact Desk window');
      }
      return handle(event.sender, args);
    };
    ipcMain.handle(channel, guarded);
  }
}
