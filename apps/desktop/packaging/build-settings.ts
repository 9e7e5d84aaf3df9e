/**
 * What a build takes from its environment, checked before anything is packed: the update server,
 * the Windows publisher updates must be signed by, the Debian maintainer, and whether macOS
 * notarisation can run. Signing itself uses electron-builder's own variables (CSC_LINK,
 * CSC_KEY_PASSWORD, WIN_CSC_LINK…), read by electron-builder (docs/installing.md).
 */
export type Environment = Readonly<Record<string, string | undefined>>;

export type NotarisationPlan =
  { readonly notarize: true; readonly note: string } | { readonly notarize: false; readonly note: string; readonly problem?: string };

export interface BuildSettings {
  /** The generic update server (`latest.yml`, `beta.yml`… live there); null: a build that never updates itself. */
  readonly updateServer: string | null;
  /** The code-signing certificate's subject names an update must carry on Windows; null: from the certificate. */
  readonly windowsPublishers: readonly string[] | null;
  readonly debMaintainer: string;
  readonly notarisation: NotarisationPlan;
}

export const DEFAULT_DEB_MAINTAINER = 'Contact Desk <contact-desk@interieur.gouv.fr>';

/** The ways @electron/notarize can authenticate, each with every variable it needs. */
const NOTARISATION_CREDENTIALS: readonly (readonly [string, readonly string[]])[] = [
  ['an App Store Connect API key', ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']],
  ['an Apple ID', ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']],
  ['a notarytool keychain profile', ['APPLE_KEYCHAIN_PROFILE']],
];

export class BuildSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildSettingError';
  }
}

const given = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** macOS notarisation: with the first complete set of credentials, skipped when none is given, refused when one is half given. */
export function notarisationPlan(env: Environment): NotarisationPlan {
  for (const [method, names] of NOTARISATION_CREDENTIALS) {
    const missing = names.filter((name) => given(env, name) === undefined);
    if (missing.length === 0) return { notarize: true, note: `notarisation: with ${method} (${names.join(', ')})` };
    if (missing.length < names.length) {
      const problem = `notarisation with ${method} needs ${names.join(', ')}; missing: ${missing.join(', ')}`;
      return { notarize: false, note: `notarisation: refused — ${problem}`, problem };
    }
  }
  const sets = NOTARISATION_CREDENTIALS.map(([, names]) => names.join(' + ')).join(', or ');
  return {
    notarize: false,
    note: `notarisation: skipped — no credentials given (${sets}); the app will not open on other Macs without it`,
  };
}

function updateServerOf(env: Environment): string | null {
  const value = given(env, 'CONTACT_DESK_UPDATE_URL');
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BuildSettingError(`CONTACT_DESK_UPDATE_URL is not an address: ${value}`);
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new BuildSettingError(`CONTACT_DESK_UPDATE_URL must be a plain https:// address (no credentials, query or fragment): ${value}`);
  }
  return url.href.replace(/\/+$/, '');
}

export function buildSettings(env: Environment): BuildSettings {
  const publishers = given(env, 'CONTACT_DESK_WINDOWS_PUBLISHER')
    ?.split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const debMaintainer = given(env, 'CONTACT_DESK_DEB_MAINTAINER') ?? DEFAULT_DEB_MAINTAINER;
  if (!/^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/.test(debMaintainer)) {
    throw new BuildSettingError(`CONTACT_DESK_DEB_MAINTAINER must read "Name <address>": ${debMaintainer}`);
  }
  return {
    updateServer: updateServerOf(env),
    windowsPublishers: publishers === undefined || publishers.length === 0 ? null : publishers,
    debMaintainer,
    notarisation: notarisationPlan(env),
  };
}
