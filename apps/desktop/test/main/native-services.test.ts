import { beforeEach, describe, expect, it, vi } from 'vitest';
const electron = await vi.hoisted(async () => (await import('./electron-mock')).createElectronMock());
vi.mock('electron', () => electron);

const noCredentials = { get: vi.fn(), set: vi.fn(), saveEnrollment: vi.fn(), clear: vi.fn(), profiles: vi.fn() };

async function services() {
  vi.resetModules();
  const { createNativeServices } = await import('../../src/main/native-services');
  return createNativeServices(noCredentials, vi.fn());
}

describe('native services', () => {
  beforeEach(() => {
    electron.reset();
    electron.Notification.mockImplementation(function (this: Record<string, unknown>, options: unknown) {
      this['options'] = options;
      this['on'] = vi.fn();
      this['show'] = vi.fn();
    });
  });

  it('makes urgent notifications critical and persistent', async () => {
    (await services()).notify({ title: 'P0', body: 'Nouveau', urgent: true });
    expect(electron.Notification).toHaveBeenCalledWith({ title: 'P0', body: 'Nouveau', urgency: 'critical', timeoutType: 'never' });
    (await services()).notify({ title: 'Info', body: '', urgent: false });
    expect(electron.Notification).toHaveBeenLastCalledWith({ title: 'Info', body: '' });
  });

  it('sets the badge count', async () => {
    (await services()).setBadge(4);
    expect(electron.app.setBadgeCount).toHaveBeenCalledWith(4);
  });

  it('saves nothing when the dialog is cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const printToPDF = vi.fn();
    const result = await (await services()).printToPdf({ printToPDF } as never, 'meeting.pdf');
    expect(result).toEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();
  });
});
