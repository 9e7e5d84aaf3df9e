import { vi } from 'vitest';

/**
 * Web contents as the app's guard sees them: it registers listeners and a window-open handler;
 * `prevented` fires a navigation event and tells whether the guard stopped it, `open` asks the
 * handler about a new window. Either fails when the guard registered nothing for it.
 */
export function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler;
    }),
    getURL: () => 'app://contact-desk/index.html',
  };
  const prevented = (name: string, url?: string): boolean => {
    const listener = listeners.get(name);
    if (listener === undefined) throw new Error(`no ${name} listener`);
    const event = { preventDefault: vi.fn() };
    listener(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string): { action: string } => {
    if (openHandler === undefined) throw new Error('no window-open handler');
    return openHandler({ url });
  };
  return { contents, prevented, open };
}
