/**
 * Launch options passed to the renderer's address in development and demos only
 * (`CONTACT_DESK_LAUNCH_QUERY=profile=prefect&relay=…&code=…&autoEnroll=1`). Only the known keys
 * survive, each with a bounded value; a packaged app ignores the variable.
 */
const KEYS = ['profile', 'relay', 'code', 'autoEnroll'] as const;

export function launchQuery(raw: string | undefined, isPackaged: boolean): string {
  if (isPackaged || !raw) return '';
  const given = new URLSearchParams(raw);
  const kept = new URLSearchParams();
  for (const key of KEYS) {
    const value = given.get(key);
    if (value !== null && value.length <= 200) kept.set(key, value);
  }
  const query = kept.toString();
  return query === '' ? '' : `?${query}`;
}
