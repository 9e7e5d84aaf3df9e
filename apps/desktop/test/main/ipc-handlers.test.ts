import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/ipc/contract';
import { IpcRefusedError } from '../../src/ipc/refusal';
import { isTrustedSender, registerIpcHandlers } from '../../src/main/ipc-handlers';
import { APP_ORIGIN, CONTRACT_CASES, MAIN_FRAME, commonInvalid, effectCount, fakeServices } from './ipc-contract-cases';

const APP = APP_ORIGIN;
const mainFrame = MAIN_FRAME;

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
  it('handle every channel of the contract, and nothing else', () => {
    const ipcMain = { handle: vi.fn() };
    registerIpcHandlers(ipcMain as never, APP, fakeServices());
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('reject oversized files', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const services = fakeServices();
    registerIpcHandlers({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, APP, services);
    const huge = { byteLength: 200 * 1024 * 1024 + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    await expect(
      handlers.get(IPC_CHANNELS.saveFile)!({ senderFrame: mainFrame, sender: {} }, { suggestedName: 'big.bin', data: huge }),
    ).rejects.toThrow(/file too large/);
    expect(effectCount(services)).toBe(0);
  });
});

describe('every channel of the bridge contract, in the main process', () => {
  function registered() {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const services = fakeServices();
    registerIpcHandlers({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, APP_ORIGIN, services);
    const sender = { id: 7 };
    const invokeFrom = (frame: unknown, channel: string, args: readonly unknown[]) =>
      handlers.get(channel)!({ senderFrame: frame, sender }, ...args);
    const invoke = (channel: string, args: readonly unknown[]) => invokeFrom(MAIN_FRAME, channel, args);
    return { handlers, services, sender, invoke, invokeFrom };
  }
  const cases = Object.entries(CONTRACT_CASES);

  it('covers every channel, each by exactly one bridge method', () => {
    expect(cases.map(([, { channel }]) => channel).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it.each(cases)('%s: a valid call reaches its effect once, with the parsed arguments', async (_method, contract) => {
    const { services, sender, invoke } = registered();
    await invoke(contract.channel, contract.valid);
    expect(contract.effect(services).mock.calls).toEqual([contract.effectArgs(sender)]);
    expect(effectCount(services)).toBe(1);
  });

  const invalidCalls = cases.flatMap(([method, contract]) =>
    [...contract.invalid, ...commonInvalid(contract.valid)].map(([name, args]) => [method, name, contract.channel, args] as const),
  );

  it.each(invalidCalls)('%s refuses %s with a typed refusal and no effect', async (_method, _name, channel, args) => {
    const { services, invoke } = registered();
    const refusal = await invoke(channel, args).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(IpcRefusedError);
    expect(refusal).toMatchObject({ channel, reason: 'invalid-argument', name: 'IpcRefusedError' });
    expect((refusal as Error).message).toMatch(new RegExp(`^Invalid argument for ${channel}: `));
    expect(effectCount(services)).toBe(0);
  });

  const untrustedFrames: [string, unknown][] = [
    ['an iframe of the app', { url: 'app://contact-desk/index.html', parent: MAIN_FRAME }],
    ['another site', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://contact-desk.evil.example/index.html', parent: null }],
    ['a dev server address', { url: 'http://localhost:5173/', parent: null }],
    ['a local file', { url: 'file:///tmp/index.html', parent: null }],
    ['a data: page', { url: 'data:text/html,<script>x</script>', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['a destroyed frame', null],
    ['no frame at all', undefined],
  ];
  const untrustedCalls = cases.flatMap(([method, contract]) =>
    untrustedFrames.map(([frameName, frame]) => [method, frameName, contract, frame] as const),
  );

  it.each(untrustedCalls)('%s refuses a valid call from %s', async (_method, _frameName, contract, frame) => {
    const { services, invokeFrom } = registered();
    await expect(invokeFrom(frame, contract.channel, contract.valid)).rejects.toMatchObject({
      name: 'IpcRefusedError',
      reason: 'untrusted-sender',
      channel: contract.channel,
    });
    expect(effectCount(services)).toBe(0);
  });
});
