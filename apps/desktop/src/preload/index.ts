import { contextBridge, ipcRenderer } from 'electron';
import type { z } from 'zod';
import { IPC_CHANNELS, type DesktopApi, type SaveFileResult, type StoredCredentials } from '../ipc/contract';
import {
  badgeSchema,
  credentialsSchema,
  notifySchema,
  printToPdfSchema,
  profileSchema,
  saveFileSchema,
} from '../ipc/validation';

/** Refuses bad arguments here too, so mistakes surface in the renderer before crossing over. */
function checked<T>(channel: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Invalid argument for ${channel}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

const C = IPC_CHANNELS;

/** The whole bridge: fixed channels, validated arguments; ipcRenderer itself never leaves. */
const api: DesktopApi = {
  saveFile: async (request) =>
    (await ipcRenderer.invoke(C.saveFile, checked(C.saveFile, saveFileSchema, request))) as SaveFileResult,
  printToPdf: async (request) =>
    (await ipcRenderer.invoke(C.printToPdf, checked(C.printToPdf, printToPdfSchema, request))) as SaveFileResult,
  notify: async (request) => {
    await ipcRenderer.invoke(C.notify, checked(C.notify, notifySchema, request));
  },
  setBadge: async (count) => {
    await ipcRenderer.invoke(C.setBadge, checked(C.setBadge, badgeSchema, count));
  },
  getCredentials: async (profile) =>
    (await ipcRenderer.invoke(C.tokenGet, checked(C.tokenGet, profileSchema, profile))) as StoredCredentials | null,
  setCredentials: async (profile, credentials) => {
    await ipcRenderer.invoke(
      C.tokenSet,
      checked(C.tokenSet, profileSchema, profile),
      checked(C.tokenSet, credentialsSchema, credentials),
    );
  },
  clearCredentials: async (profile) => {
    await ipcRenderer.invoke(C.tokenClear, checked(C.tokenClear, profileSchema, profile));
  },
};

contextBridge.exposeInMainWorld('contactDesk', Object.freeze(api));
