// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FEATURE_TEXTS } from '../../src/renderer/src/app/features';
import { EnrollScreen } from '../../src/renderer/src/features/enroll/EnrollScreen';
import { setupI18n, switchLanguage } from '../../src/renderer/src/i18n/i18n';
import { CredentialDatabase, createWebServices } from '../../src/renderer/src/native/web-services';
import { useDesk } from '../../src/renderer/src/state/desk-store';

/**
 * The enrollment screen with the desk's real `enroll`, through the web client's native services: the relay
 * field takes several addresses, refuses a wrong list before anything is sent, and the addresses
 * are tried in order until one answers (here `fetch` stands for the network: the first node down,
 * the second refusing the code).
 */
const OPTIONS = { profile: 'default', relay: null, code: null, autoEnroll: false };
const A = 'https://relay-a.interieur.gouv.fr';
const B = 'https://relay-b.interieur.gouv.fr';
const C = 'https://relay-c.interieur.gouv.fr';

beforeAll(async () => {
  await setupI18n(FEATURE_TEXTS);
  await useDesk.getState().boot('default', createWebServices(new CredentialDatabase('enroll-screen-test')));
});

beforeEach(async () => {
  await switchLanguage('fr');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(relay: string, code = 'ABCD-EFGH-JKLM') {
  render(<EnrollScreen options={OPTIONS} />);
  fireEvent.change(screen.getByTestId('enroll-relay'), { target: { value: relay } });
  fireEvent.change(screen.getByTestId('enroll-code'), { target: { value: code } });
  fireEvent.click(screen.getByTestId('enroll-submit'));
}

const errorText = () => screen.getByTestId('enroll-error').textContent;

describe('the relay address field', () => {
  it('is a text area that grows with the addresses put one a line, and says several may be given', () => {
    render(<EnrollScreen options={{ ...OPTIONS, relay: `${A}\n${B}\n${C}` }} />);
    const field = screen.getByTestId('enroll-relay') as HTMLTextAreaElement;
    expect(field.tagName).toBe('TEXTAREA');
    expect(field.rows).toBe(3);
    expect(screen.getByText(/séparez-les par des virgules ou des retours à la ligne/)).toBeTruthy();
  });

  it('tries the addresses in order: an unreachable one is skipped, a refused code is final', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url.startsWith(A)) throw new TypeError('fetch failed');
      return new Response(
        JSON.stringify({ ok: false, error: { code: 'unauthenticated', message: 'Invalid or expired enrollment code.' } }),
        {
          status: 401,
        },
      );
    });
    vi.stubGlobal('fetch', fetch);
    fill(`${A}, ${B}/\n${C}  ${A}`);
    await waitFor(() => expect(screen.getByTestId('enroll-error').dataset.code).toBe('unauthenticated'));
    expect(fetch.mock.calls.map((call) => call[0])).toEqual([`${A}/enroll`, `${B}/enroll`]);
    expect(errorText()).toContain('Invalid or expired enrollment code.');
    expect(errorText()).toContain('Un code ne sert qu’une fois');
    expect(screen.getByTestId('enroll-relay').getAttribute('aria-invalid')).toBeNull();
  });

  it('says when none of the addresses answers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    fill(`${A} ${B}`);
    await waitFor(() => expect(screen.getByTestId('enroll-error').dataset.code).toBe('unreachable'));
    expect(errorText()).toContain('Relais injoignable');
    expect(errorText()).toContain(`${A}, ${B}`);
  });

  it('refuses, before sending anything, an entry that is not an address, naming it, in French and English', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    fill(`${A}, https://relay-b.interieur.gouv.fr/relais`);
    await waitFor(() => expect(screen.getByTestId('enroll-error').dataset.code).toBe('relay_address_invalid'));
    expect(errorText()).toBe(
      'L’enregistrement a échoué« https://relay-b.interieur.gouv.fr/relais » n’est pas une adresse de relais. Séparez les adresses par des virgules, des espaces ou des retours à la ligne.',
    );
    expect(screen.getByTestId('enroll-relay').getAttribute('aria-invalid')).toBe('true');
    await switchLanguage('en');
    await waitFor(() => expect(errorText()).toContain('“https://relay-b.interieur.gouv.fr/relais” is not a relay address.'));
    expect(fetch).not.toHaveBeenCalled();
    // Edited, the list is no longer said to be wrong.
    fireEvent.change(screen.getByTestId('enroll-relay'), { target: { value: `${A}, ${B}` } });
    expect(screen.queryByTestId('enroll-error')).toBeNull();
    expect(screen.getByTestId('enroll-relay').getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses more than eight different addresses, duplicates not counted', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const nine = Array.from({ length: 9 }, (_, index) => `https://relay-${index}.interieur.gouv.fr`);
    fill(nine.join('\n'));
    await waitFor(() => expect(screen.getByTestId('enroll-error').dataset.code).toBe('relay_addresses_too_many'));
    expect(errorText()).toContain('9 adresses de relais différentes : 8 au plus.');
    expect(fetch).not.toHaveBeenCalled();
    cleanup();

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    fill([...nine.slice(0, 8), nine[0], `${nine[1]}/`].join(', '));
    await waitFor(() => expect(screen.getByTestId('enroll-error').dataset.code).toBe('unreachable'));
  });
});

it('the desk parses what was typed: the screen hands it over as is', async () => {
  const enroll = vi.fn(async () => null);
  const real = useDesk.getState().enroll;
  useDesk.setState({ enroll });
  try {
    fill(`${A},${B}`, ' abcd-efgh-jklm ');
    await waitFor(() => expect(enroll).toHaveBeenCalledWith(`${A},${B}`, 'abcd-efgh-jklm', 'Navigateur web'));
  } finally {
    useDesk.setState({ enroll: real });
  }
});
