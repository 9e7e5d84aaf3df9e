import type { DesktopApi } from '../../../ipc/contract';
import type { NativeServices } from './native-services';

/** The Electron app: every native service goes through the preload bridge. */
export function createElectronServices(api: DesktopApi, reload: () => void = () => window.location.reload()): NativeServices {
  return {
    kind: 'electron',
    // The native dialog infers the type from the file name; the MIME type only matters in browsers.
    saveFile: async (suggestedName, _mimeType, data) => (await api.saveFile({ suggestedName, data })).saved,
    printToPdf: async (suggestedName) => (await api.printToPdf({ suggestedName })).saved,
    notify: (title, body, urgent) => api.notify({ title, body, urgent }),
    setBadge: (count) => {
      api.setBadge(count).catch(() => undefined);
    },
    getCredentials: (profile) => api.getCredentials(profile),
    setCredentials: (profile, credentials) => api.setCredentials(profile, credentials),
    clearCredentials: (profile) => api.clearCredentials(profile),
    enroll: (profile, request) => api.enroll(profile, request),
    reloadAfterEnrollment: () => {
      reload();
      return true;
    },
  };
}
