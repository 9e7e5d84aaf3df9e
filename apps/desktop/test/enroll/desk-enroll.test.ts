// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { EnrollmentAnswer, NativeServices } from '../../src/renderer/src/native/native-services';
import { LocalDb } from '@contact-desk/sync';
import { useDesk } from '../../src/renderer/src/state/desk-store';

const ACTOR = { userId: 'u-1', name: 'Claire Vautrin', role: 'prefect' as const, platformId: null, deviceId: 'd-1' };
const RELAYS = ['https://relay-a.interieur.gouv.fr', 'https://relay-b.interieur.gouv.fr'];

/** Native services that enroll as the Electron app's do: through their own channel, then a reload. */
function electronLikeServices(answer: EnrollmentAnswer) {
  return {
    kind: 'electron',
    saveFile: vi.fn(),
    printToPdf: vi.fn(),
    notify: vi.fn(),
    setBadge: vi.fn(),
    getCredentials: vi.fn(async () => null),
    setCredentials: vi.fn(),
    clearCredentials: vi.fn(),
    enroll: vi.fn(async () => answer),
    reloadAfterEnrollment: vi.fn(() => true),
  } satisfies NativeServices;
}

describe('the desk enrolls through its native services', () => {
  it('in the Electron app: keeps the actor, then loads the page again instead of connecting under the old policy', async () => {
    const native = electronLikeServices({ ok: true, relayUrl: RELAYS[1]!, actor: ACTOR });
    await useDesk.getState().boot('electron-profile', native);
    expect(useDesk.getState().phase).toBe('enroll');

    expect(await useDesk.getState().enroll(RELAYS.join('\n'), 'ABCD-EFGH-JKLM', 'Poste du cabinet')).toBeNull();

    expect(native.enroll).toHaveBeenCalledWith('electron-profile', {
      relayUrls: RELAYS,
      code: 'ABCD-EFGH-JKLM',
      deviceLabel: 'Poste du cabinet',
    });
    expect(native.reloadAfterEnrollment).toHaveBeenCalledTimes(1);
    // Nothing more before the reload: no credentials read, no connection attempted.
    expect(native.getCredentials).toHaveBeenCalledTimes(1);
    expect(useDesk.getState().phase).toBe('enroll');
    const db = new LocalDb('electron-profile');
    expect((await db.meta.get('actor'))?.value).toEqual(ACTOR);
    db.close();
  });

  it('hands back the refusal and reloads nothing', async () => {
    const refusal = { code: 'unauthenticated' as const, message: 'Invalid or expired enrollment code.' };
    const native = electronLikeServices({ ok: false, error: refusal });
    await useDesk.getState().boot('refused-profile', native);
    expect(await useDesk.getState().enroll(RELAYS[0]!, 'ABCD-EFGH-JKLM', 'Poste')).toEqual(refusal);
    expect(native.reloadAfterEnrollment).not.toHaveBeenCalled();
  });

  it('refuses an address list before asking the native services', async () => {
    const native = electronLikeServices({ ok: true, relayUrl: RELAYS[0]!, actor: ACTOR });
    await useDesk.getState().boot('typo-profile', native);
    expect(await useDesk.getState().enroll('https://relay.interieur.gouv.fr/relais', 'ABCD-EFGH-JKLM', 'Poste')).toMatchObject({
      code: 'relay_address_invalid',
    });
    expect(native.enroll).not.toHaveBeenCalled();
  });
});
