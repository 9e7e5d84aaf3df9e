import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/ipc/contract';
import { isTrustedSender, registerIpcHandlers, type NativeServices } from '../../src/main/ipc-handlers';

const APP = 'app://contact-desk';
const mainFrame = { url: 'app://contact-desk/index.html', parent: null };
const credentials = { relayUrl: 'https://relay.example.fr', token: 'a-long-device-token-123' };

function setup() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: vi.fn((channel: string, handler: never) => handlers.set(channel, handler)) };
  const services = {
    saveFile: vi.fn(async () => ({ saved: true })),
    printToPdf: vi.fn(async () => ({ saved: true })),
    notify: vi.fn(),
    setBadge: vi.fn(),
    credentials: { get: vi.fn(async () => null), set: vi.fn(async () => undefined), clear: vi.fn(async () => undefined) },
  } satisfies NativeServices;
  registerIpcHandlers(ipcMain as never, APP, services);
  const sender = { id: 1 };
  const invoke = (channel: string, args: unknown[], frame: unknown = mainFrame) =>
    handlers.get(channel)!({ senderFrame: frame, sender }, ...args);
  const effects = () => [
    services.saveFile,
    services.printToPdf,
    services.notify,
    services.setBadge,
    services.credentials.get,
    services.credentials.set,
    services.credentials.clear,
  ].reduce((total, effect) => total + effect.mock.calls.length, 0);
  return { ipcMain, handlers, services, sender, invoke, effects };
}

describe('isTrustedSender', () => {
  it('accepts only the app’s main frame', () => {
    expect(isTrustedSender(mainFrame, APP)).toBe(true);
    expect(isTrustedSender({ url: 'app://contact-desk/x', parent: {} }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, APP)).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null }, APP)).toBe(false);
    expect(isTrustedSender(null, APP)).toBe(false);
  });
});

describe('IPC handlers', () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => {
    ctx = setup();
  });

  it('handle every channel of the contract', () => {
    expect([...ctx.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('pass valid arguments to the effects', async () => {
    const data = new Uint8Array([1, 2, 3]);
    await expect(ctx.invoke(IPC_CHANNELS.saveFile, [{ suggestedName: 'export.csv', data }])).resolves.toEqual({ saved: true });
    expect(ctx.services.saveFile).toHaveBeenCalledWith(ctx.sender, 'export.csv', data);
    await ctx.invoke(IPC_CHANNELS.printToPdf, [{ suggestedName: 'meeting.pdf' }]);
    expect(ctx.services.printToPdf).toHaveBeenCalledWith(ctx.sender, 'meeting.pdf');
    await ctx.invoke(IPC_CHANNELS.notify, [{ title: 'P0', body: 'New request', urgent: true }]);
    expect(ctx.services.notify).toHaveBeenCalledWith({ title: 'P0', body: 'New request', urgent: true });
    await ctx.invoke(IPC_CHANNELS.setBadge, [3]);
    expect(ctx.services.setBadge).toHaveBeenCalledWith(3);
    await ctx.invoke(IPC_CHANNELS.tokenSet, ['ministere', credentials]);
    expect(ctx.services.credentials.set).toHaveBeenCalledWith('ministere', credentials);
    await ctx.invoke(IPC_CHANNELS.tokenGet, ['ministere']);
    await ctx.invoke(IPC_CHANNELS.tokenClear, ['ministere']);
    expect(ctx.services.credentials.clear).toHaveBeenCalledWith('ministere');
  });

  const invalidCalls: [string, string, unknown[]][] = [
    ['path traversal', IPC_CHANNELS.saveFile, [{ suggestedName: '../x', data: new Uint8Array() }]],
    ['folder in name', IPC_CHANNELS.saveFile, [{ suggestedName: 'a/b.csv', data: new Uint8Array() }]],
    ['windows path', IPC_CHANNELS.saveFile, [{ suggestedName: 'C:\\x.exe', data: new Uint8Array() }]],
    ['hidden file', IPC_CHANNELS.saveFile, [{ suggestedName: '.bashrc', data: new Uint8Array() }]],
    ['data not bytes', IPC_CHANNELS.saveFile, [{ suggestedName: 'a.csv', data: 'text' }]],
    ['extra field', IPC_CHANNELS.saveFile, [{ suggestedName: 'a.csv', data: new Uint8Array(), path: '/etc' }]],
    ['oversized name', IPC_CHANNELS.printToPdf, [{ suggestedName: `${'a'.repeat(300)}.pdf` }]],
    ['pdf traversal', IPC_CHANNELS.printToPdf, [{ suggestedName: '../../x.pdf' }]],
    ['oversized title', IPC_CHANNELS.notify, [{ title: 'x'.repeat(201), body: '', urgent: false }]],
    ['urgent not boolean', IPC_CHANNELS.notify, [{ title: 't', body: '', urgent: 'yes' }]],
    ['negative badge', IPC_CHANNELS.setBadge, [-1]],
    ['fractional badge', IPC_CHANNELS.setBadge, [1.5]],
    ['badge as string', IPC_CHANNELS.setBadge, ['3']],
    ['bad profile', IPC_CHANNELS.tokenGet, ['../../etc/passwd']],
    ['uppercase profile', IPC_CHANNELS.tokenClear, ['Ministere']],
    ['profile not string', IPC_CHANNELS.tokenGet, [42]],
    ['bad relay scheme', IPC_CHANNELS.tokenSet, ['p', { relayUrl: 'javascript:alert(1)', token: 'a-long-device-token' }]],
    ['short token', IPC_CHANNELS.tokenSet, ['p', { relayUrl: 'https://r.example', token: 'x' }]],
    ['missing credentials', IPC_CHANNELS.tokenSet, ['p']],
  ];

  it.each(invalidCalls)('reject %s without any effect', async (_name, channel, args) => {
    await expect(ctx.invoke(channel, args)).rejects.toThrow(`Invalid argument for ${channel}`);
    expect(ctx.effects()).toBe(0);
  });

  it('reject oversized files', async () => {
    const huge = { byteLength: 200 * 1024 * 1024 + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    await expect(ctx.invoke(IPC_CHANNELS.saveFile, [{ suggestedName: 'big.bin', data: huge }])).rejects.toThrow(
      /file too large/,
    );
    expect(ctx.effects()).toBe(0);
  });

  it.each([
    ['a subframe', { url: 'app://contact-desk/index.html', parent: mainFrame }],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['no frame', null],
  ])('refuse %s as sender', async (_name, frame) => {
    for (const channel of Object.values(IPC_CHANNELS)) {
      await expect(ctx.invoke(channel, ['ministere', credentials], frame)).rejects.toThrow(/not the Contact Desk window/);
    }
    expect(ctx.effects()).toBe(0);
  });
});
