/**
 * Options of a launch, from the address (web client) — `?profile=liaison-meta` keeps a separate
 * local database and credentials per profile, so several sessions can run side by side; `relay`
 * and `code` pre-fill (and with `autoEnroll=1` perform) the enrollment, as the demo does.
 */
export interface LaunchOptions {
  readonly profile: string;
  readonly relay: string | null;
  readonly code: string | null;
  readonly autoEnroll: boolean;
}

export function readLaunchOptions(search: string): LaunchOptions {
  const params = new URLSearchParams(search);
  const profile = params.get('profile') ?? 'default';
  return {
    profile: /^[a-z0-9][a-z0-9-]{0,39}$/.test(profile) ? profile : 'default',
    relay: params.get('relay'),
    code: params.get('code'),
    autoEnroll: params.get('autoEnroll') === '1',
  };
}
