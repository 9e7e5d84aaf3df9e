import { vi } from 'vitest';
import { IPC_CHANNELS, type DesktopApi, type EnrollmentAnswer, type IpcChannel } from '../../src/ipc/contract';
import type { NativeServices } from '../../src/main/ipc-handlers';

export const APP_ORIGIN = 'app://contact-desk';
export const MAIN_FRAME = { url: 'app://contact-desk/index.html', parent: null };
export const CREDENTIALS = { relayUrls: ['https://relay-a.example.fr', 'https://relay-b.example.fr'], token: 'a-long-device-token-123' };
export const ENROLLMENT = {
  relayUrls: ['https://relay-a.interieur.gouv.fr', 'https://relay-b.interieur.gouv.fr:8443', 'http://10.0.0.5:4410'],
  code: 'ABCD-EFGH-JKLM',
  deviceLabel: 'Poste du cabinet',
};

export function fakeServices() {
  return {
    saveFile: vi.fn(async () => ({ saved: true })),
    printToPdf: vi.fn(async () => ({ saved: true })),
    notify: vi.fn(),
    setBadge: vi.fn(),
    credentials: {
      get: vi.fn(async () => null),
      set: vi.fn(async () => undefined),
      saveEnrollment: vi.fn(async () => undefined),
      clear: vi.fn(async () => undefined),
      profiles: vi.fn(async () => []),
    },
    enroll: vi.fn(async (): Promise<EnrollmentAnswer> => ({ ok: false, error: { code: 'unreachable', message: 'not in tests' } })),
  } satisfies NativeServices;
}
export type FakeServices = ReturnType<typeof fakeServices>;

/** Calls made to any native effect so far. */
export function effectCount(services: FakeServices): number {
  return [
    services.saveFile,
    services.printToPdf,
    services.notify,
    services.setBadge,
    services.credentials.get,
    services.credentials.set,
    services.credentials.clear,
    services.credentials.saveEnrollment,
    services.credentials.profiles,
    services.enroll,
  ].reduce((total, effect) => total + effect.mock.calls.length, 0);
}

export interface ContractCase {
  readonly channel: IpcChannel;
  /** Arguments the bridge method receives (and the channel carries) in a valid call. */
  readonly valid: readonly unknown[];
  /** The native effect the call must reach, with the arguments it must reach it with. */
  readonly effect: (services: FakeServices) => { mock: { calls: unknown[][] } };
  readonly effectArgs: (sender: unknown) => readonly unknown[];
  /** Malformed argument lists, each with a name; every one must be refused. */
  readonly invalid: readonly (readonly [string, readonly unknown[]])[];
}

const bytes = new Uint8Array([1, 2, 3]);
const withRelays = (...relayUrls: string[]) => ({ ...ENROLLMENT, relayUrls });
const polluted = (value: object): unknown => JSON.parse(JSON.stringify(value).replace(/^\{/, '{"__proto__":{"admin":true},'));

/**
 * Every method of the bridge (the typed DesktopApi), its channel and its cases. Keyed by method,
 * so a method added to the contract does not compile until it has cases here.
 */
export const CONTRACT_CASES: Record<keyof DesktopApi, ContractCase> = {
  saveFile: {
    channel: IPC_CHANNELS.saveFile,
    valid: [{ suggestedName: 'export.csv', data: bytes }],
    effect: (services) => services.saveFile,
    effectArgs: (sender) => [sender, 'export.csv', bytes],
    invalid: [
      ['path traversal', [{ suggestedName: '../x', data: bytes }]],
      ['folder in name', [{ suggestedName: 'a/b.csv', data: bytes }]],
      ['windows path', [{ suggestedName: 'C:\\x.exe', data: bytes }]],
      ['hidden file', [{ suggestedName: '.bashrc', data: bytes }]],
      ['control character', [{ suggestedName: 'a\u0000.csv', data: bytes }]],
      ['data not bytes', [{ suggestedName: 'a.csv', data: 'text' }]],
      ['data as plain array', [{ suggestedName: 'a.csv', data: [1, 2, 3] }]],
      ['extra field', [{ suggestedName: 'a.csv', data: bytes, path: '/etc' }]],
      ['prototype key', [polluted({ suggestedName: 'a.csv' })]],
    ],
  },
  printToPdf: {
    channel: IPC_CHANNELS.printToPdf,
    valid: [{ suggestedName: 'meeting.pdf' }],
    effect: (services) => services.printToPdf,
    effectArgs: (sender) => [sender, 'meeting.pdf'],
    invalid: [
      ['oversized name', [{ suggestedName: `${'a'.repeat(300)}.pdf` }]],
      ['traversal', [{ suggestedName: '../../x.pdf' }]],
      ['empty name', [{ suggestedName: '' }]],
      ['name not string', [{ suggestedName: 42 }]],
    ],
  },
  notify: {
    channel: IPC_CHANNELS.notify,
    valid: [{ title: 'P0', body: 'New request', urgent: true }],
    effect: (services) => services.notify,
    effectArgs: () => [{ title: 'P0', body: 'New request', urgent: true }],
    invalid: [
      ['oversized title', [{ title: 'x'.repeat(201), body: '', urgent: false }]],
      ['oversized body', [{ title: 't', body: 'x'.repeat(1001), urgent: false }]],
      ['urgent not boolean', [{ title: 't', body: '', urgent: 'yes' }]],
      ['missing body', [{ title: 't', urgent: false }]],
      ['prototype key', [polluted({ title: 't', body: '', urgent: false })]],
    ],
  },
  setBadge: {
    channel: IPC_CHANNELS.setBadge,
    valid: [3],
    effect: (services) => services.setBadge,
    effectArgs: () => [3],
    invalid: [
      ['negative', [-1]],
      ['fractional', [1.5]],
      ['string', ['3']],
      ['not a number', [Number.NaN]],
      ['too large', [100_000]],
    ],
  },
  getCredentials: {
    channel: IPC_CHANNELS.tokenGet,
    valid: ['ministere'],
    effect: (services) => services.credentials.get,
    effectArgs: () => ['ministere'],
    invalid: [
      ['traversal', ['../../etc/passwd']],
      ['not a string', [42]],
      ['uppercase', ['Ministere']],
    ],
  },
  setCredentials: {
    channel: IPC_CHANNELS.tokenSet,
    valid: ['ministere', CREDENTIALS],
    effect: (services) => services.credentials.set,
    effectArgs: () => ['ministere', CREDENTIALS],
    invalid: [
      ['javascript relay', ['p', { relayUrls: ['javascript:alert(1)'], token: 'a-long-device-token' }]],
      ['file relay', ['p', { relayUrls: ['https://r.example', 'file:///etc/passwd'], token: 'a-long-device-token' }]],
      ['short token', ['p', { relayUrls: ['https://r.example'], token: 'x' }]],
      ['no relay', ['p', { relayUrls: [], token: 'a-long-device-token' }]],
      ['a relay twice', ['p', { relayUrls: ['https://r.example', 'https://r.example'], token: 'a-long-device-token' }]],
      ['nine relays', ['p', { relayUrls: Array.from({ length: 9 }, (_, i) => `https://r${i}.example`), token: 'a-long-device-token' }]],
      ['relays not a list', ['p', { relayUrls: 'https://r.example', token: 'a-long-device-token' }]],
      ['the earlier single relay', ['p', { relayUrl: 'https://r.example', token: 'a-long-device-token' }]],
      ['missing credentials', ['p']],
      ['bad profile', ['a/b', CREDENTIALS]],
      ['extra field', ['p', { ...CREDENTIALS, admin: true }]],
      ['short pending token', ['p', { ...CREDENTIALS, pendingToken: 'x' }]],
      ['pending token not a string', ['p', { ...CREDENTIALS, pendingToken: 42 }]],
    ],
  },
  enroll: {
    channel: IPC_CHANNELS.enroll,
    valid: ['ministere', ENROLLMENT],
    effect: (services) => services.enroll,
    effectArgs: () => ['ministere', ENROLLMENT],
    invalid: [
      ['a path after the origin', ['p', withRelays('https://relay.example.fr/relais')]],
      ['a trailing slash', ['p', withRelays('https://relay.example.fr/')]],
      ['credentials in the address', ['p', withRelays('https://user:secret@relay.example.fr')]],
      ['a query', ['p', withRelays('https://relay.example.fr?next=evil')]],
      ['a fragment', ['p', withRelays('https://relay.example.fr#x')]],
      ['an upper-case host', ['p', withRelays('https://RELAY.example.fr')]],
      ['a default port written out', ['p', withRelays('https://relay.example.fr:443')]],
      ['a javascript: address', ['p', withRelays('javascript:alert(1)')]],
      ['a websocket address', ['p', withRelays('wss://relay.example.fr')]],
      ['a file: address', ['p', withRelays('file:///etc/passwd')]],
      ['a CSP-breaking address', ['p', withRelays("https://a.example; script-src 'unsafe-inline'")]],
      ['no relay', ['p', withRelays()]],
      ['nine relays', ['p', withRelays(...Array.from({ length: 9 }, (_, i) => `https://r${i}.example.fr`))]],
      ['a relay twice', ['p', withRelays('https://r.example.fr', 'https://r.example.fr')]],
      ['relays not a list', ['p', { ...ENROLLMENT, relayUrls: 'https://r.example.fr' }]],
      ['a short code', ['p', { ...ENROLLMENT, code: 'abc' }]],
      ['a blank code', ['p', { ...ENROLLMENT, code: '       ' }]],
      ['a long code', ['p', { ...ENROLLMENT, code: 'x'.repeat(41) }]],
      ['a code not a string', ['p', { ...ENROLLMENT, code: 1234567 }]],
      ['a blank device name', ['p', { ...ENROLLMENT, deviceLabel: '   ' }]],
      ['a long device name', ['p', { ...ENROLLMENT, deviceLabel: 'x'.repeat(81) }]],
      ['a token slipped in', ['p', { ...ENROLLMENT, token: 'a-long-device-token-123' }]],
      ['a bad profile', ['../x', ENROLLMENT]],
      ['prototype key', ['p', polluted(ENROLLMENT)]],
    ],
  },
  clearCredentials: {
    channel: IPC_CHANNELS.tokenClear,
    valid: ['ministere'],
    effect: (services) => services.credentials.clear,
    effectArgs: () => ['ministere'],
    invalid: [
      ['uppercase', ['Ministere']],
      ['empty', ['']],
    ],
  },
};

/** Cases every channel must refuse, whatever its arguments: none, one too many, nulls. */
export function commonInvalid(valid: readonly unknown[]): (readonly [string, readonly unknown[]])[] {
  return [
    ['no arguments', []],
    ['one argument too many', [...valid, 'extra']],
    ['null in place of each argument', valid.map(() => null)],
    ['undefined in place of each argument', valid.map(() => undefined)],
  ];
}
