import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type DesktopApi } from '../../src/ipc/contract';
import { IpcRefusedError } from '../../src/ipc/refusal';
import { registerIpcHandlers } from '../../src/main/ipc-handlers';
import { APP_ORIGIN, CONTRACT_CASES, MAIN_FRAME, commonInvalid, effectCount, fakeServices } from './ipc-contract-cases';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value) },
  ipcRenderer: { invoke: bridge.invoke },
}));

async function loadPreload(): Promise<DesktopApi> {
  bridge.exposed.clear();
  vi.resetModules();
  await import('../../src/preload/index');
  return bridge.exposed.get('contactDesk') as DesktopApi;
}

const cases = Object.entries(CONTRACT_CASES) as [keyof DesktopApi, (typeof CONTRACT_CASES)[keyof DesktopApi]][];
const call = (api: DesktopApi, method: keyof DesktopApi, args: readonly unknown[]): Promise<unknown> =>
  (api[method] as (...values: unknown[]) => Promise<unknown>)(...args);

describe('preload bridge', () => {
  let api: DesktopApi;
  beforeEach(async () => {
    bridge.invoke.mockReset();
    bridge.invoke.mockResolvedValue(undefined);
    api = await loadPreload();
  });

  it('exposes one frozen object of the contract’s methods, and nothing of Electron', () => {
    expect([...bridge.exposed.keys()]).toEqual(['contactDesk']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(Object.keys(CONTRACT_CASES).sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(bridge.invoke);
    }
  });

  it.each(cases)('%s sends its valid arguments on its own channel', async (method, contract) => {
    await call(api, method, contract.valid);
    expect(bridge.invoke.mock.calls).toEqual([[contract.channel, ...contract.valid]]);
  });

  // An extra argument never reaches the preload's fixed parameters, so it is simply not sent
  // (below); the main process refuses one that arrives anyway (ipc-handlers.test.ts).
  const invalidCalls = cases.flatMap(([method, contract]) =>
    [...contract.invalid, ...commonInvalid(contract.valid).filter(([name]) => name !== 'one argument too many')].map(
      ([name, args]) => [method, name, contract.channel, args] as const,
    ),
  );

  it.each(invalidCalls)('%s refuses %s before sending anything', async (method, _name, channel, args) => {
    await expect(call(api, method, args)).rejects.toMatchObject({ name: 'IpcRefusedError', reason: 'invalid-argument', channel });
    expect(bridge.invoke).not.toHaveBeenCalled();
  });

  it.each(cases)('%s sends no argument beyond the contract', async (method, contract) => {
    await call(api, method, [...contract.valid, { smuggled: true }]);
    expect(bridge.invoke.mock.calls).toEqual([[contract.channel, ...contract.valid]]);
  });
});

describe('preload bridge wired to the main process', () => {
  function wire(frame: unknown) {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const services = fakeServices();
    registerIpcHandlers({ handle: (channel: string, handler: never) => handlers.set(channel, handler) } as never, APP_ORIGIN, services);
    const sender = { id: 1 };
    bridge.invoke.mockReset();
    bridge.invoke.mockImplementation(async (channel, ...args) => handlers.get(channel)!({ senderFrame: frame, sender }, ...args));
    return { services, sender };
  }

  it('reaches every native effect through every method, from the app’s window', async () => {
    const api = await loadPreload();
    const { services, sender } = wire(MAIN_FRAME);
    for (const [method, contract] of cases) {
      await call(api, method, contract.valid);
      expect(contract.effect(services).mock.calls, method).toEqual([contract.effectArgs(sender)]);
    }
    expect(effectCount(services)).toBe(Object.values(IPC_CHANNELS).length);
  });

  it('is refused in the main process when the page is not the app’s window', async () => {
    const api = await loadPreload();
    const { services } = wire({ url: 'https://evil.example/', parent: null });
    for (const [method, contract] of cases) {
      await expect(call(api, method, contract.valid), method).rejects.toBeInstanceOf(IpcRefusedError);
    }
    expect(effectCount(services)).toBe(0);
  });
});
