// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { EnrollmentAnswer, Platform } from '../../src/renderer/src/platform/platform';
import { LocalDb } from '../../src/renderer/src/sync/local-db';
import { useDesk } from '../../src/renderer/src/state/desk-store';

const ACTOR = { userId: 'u-1', name: 'Claire Vautrin', role: 'prefect' as const, platformId: null, deviceId: 'd-1' };
const RELAYS = ['https://relay-a.interieur.gouv.fr', 'https://relay-b.interieur.gouv.fr'];

/** A platform that enrolls as the Electron app's does: through its own channel, then a reload. */
function electronLikePlatform(answer: EnrollmentAnswer) {
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
  } satisfies Platform;
}

describe('the desk enrolls through its platform', () => {
  it('in the Electron app: keeps the actor, then loads the page again instead of connecting under the old policy', async () => {
    const platform = electronLikePlatform({ ok: true, relayUrl: RELAYS[1]!, actor: ACTOR });
    await useDesk.getState().boot('electron-profile', platform);
    expect(useDesk.getState().phase).toBe('enroll');

    expect(await useDesk.getState().enroll(RELAYS.join('\n'), 'ABCD-EFGH-JKLM', 'Poste du cabinet')).toBeNull();

    expect(platform.enroll).toHaveBeenCalledWith('electron-profile', {
      relayUrls: RELAYS,
      code: 'ABCD-EFGH-JKLM',
      deviceLabel: 'Poste du cabinet',
    });
    expect(platform.reloadAfterEnrollment).toHaveBeenCalledTimes(1);
    // Nothing more before the reload: no credentials read, no connection attempted.
    expect(platform.getCredentials).toHaveBeenCalledTimes(1);
    expect(useDesk.getState().phase).toBe('enroll');
    const db = new LocalDb('electron-profile');
    expect((await db.meta.get('actor'))?.value).toEqual(ACTOR);
    db.close();
  });

  it('hands back the refusal and reloads nothing', async () => {
    const refusal = { code: 'unauthenticated' as const, message: 'Invalid or expired enrollment code.' };
    const platform = electronLikePlatform({ ok: false, error: refusal });
    await useDesk.getState().boot('refused-profile', platform);
    expect(await useDesk.getState().enroll(RELAYS[0]!, 'ABCD-EFGH-JKLM', 'Poste')).toEqual(refusal);
    expect(platform.reloadAfterEnrollment).not.toHaveBeenCalled();
  });

  it('refuses an address list before asking the platform', async () => {
    const platform = electronLikePlatform({ ok: true, relayUrl: RELAYS[0]!, actor: ACTOR });
    await useDesk.getState().boot('typo-profile', platform);
    expect(await useDesk.getState().enroll('https://relay.interieur.gouv.fr/relais', 'ABCD-EFGH-JKLM', 'Poste')).toMatchObject({
      code: 'relay_address_invalid',
    });
    expect(platform.enroll).not.toHaveBeenCalled();
  });
});
