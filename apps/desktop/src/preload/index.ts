import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNELS,
  type DesktopApi,
  type EnrollmentAnswer,
  type IpcChannel,
  type SaveFileResult,
  type StoredCredentials,
} from '../ipc/contract';
import { parseChannelArguments, type ChannelArguments } from '../ipc/validation';

/**
 * Sends on a fixed channel after checking the arguments here too (the main process checks
 * again), so mistakes surface in the renderer before crossing over.
 */
async function invoke<C extends IpcChannel>(channel: C, ...args: ChannelArguments<C>): Promise<unknown> {
  return ipcRenderer.invoke(channel, ...parseChannelArguments(channel, args));
}

const C = IPC_CHANNELS;

/** The whole bridge: fixed channels, validated arguments; ipcRenderer itself never leaves. */
const api: DesktopApi = {
  saveFile: async (request) => (await invoke(C.saveFile, request)) as SaveFileResult,
  printToPdf: async (request) => (await invoke(C.printToPdf, request)) as SaveFileResult,
  notify: async (request) => {
    await invoke(C.notify, request);
  },
  setBadge: async (count) => {
    await invoke(C.setBadge, count);
  },
  getCredentials: async (profile) => (await invoke(C.tokenGet, profile)) as StoredCredentials | null,
  setCredentials: async (profile, credentials) => {
    await invoke(C.tokenSet, profile, credentials);
  },
  clearCredentials: async (profile) => {
    await invoke(C.tokenClear, profile);
  },
  enroll: async (profile, request) => (await invoke(C.enroll, profile, request)) as EnrollmentAnswer,
};

contextBridge.exposeInMainWorld('contactDesk', Object.freeze(api));
