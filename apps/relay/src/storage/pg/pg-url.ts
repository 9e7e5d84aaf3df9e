/**
 * A database URL as the operations commands handle it: never shown with its password, pointed at
 * another database of the same server (the maintenance database, a scratch copy), and handed to
 * pg_dump and pg_restore with the password in their environment rather than on their command line,
 * where every user of the machine could read it (`ps`, /proc/<pid>/cmdline).
 */

const MASK = '***';

function parse(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error(`not a database URL: ${maskUrl(url)}`);
  }
}

/** The password of a URL, given in its user part or as a `password` parameter; '' when there is none. */
function passwordOf(url: URL): string {
  return url.password ? decodeURIComponent(url.password) : (url.searchParams.get('password') ?? '');
}

/** The URL with its password replaced by `***`: what output and error messages may show. */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not parseable: show its scheme and nothing else rather than risk the password.
    return url.replace(/^([a-z]+:\/\/).*$/i, `$1${MASK}`);
  }
  if (parsed.password) parsed.password = MASK;
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', MASK);
  return parsed.toString();
}

/** A message with every appearance of the URL and of its password masked (node-postgres and pg_dump messages pass through it). */
export function redact(text: string, url: string): string {
  let masked = text.replaceAll(url, maskUrl(url));
  try {
    const password = passwordOf(new URL(url));
    if (password.length > 0) masked = masked.replaceAll(password, MASK);
  } catch {
    // An unparseable URL has no password to find.
  }
  return masked;
}

/** The name of the database a URL points at. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(parse(url).pathname.replace(/^\//, ''));
  if (name === '') throw new Error(`the database URL ${maskUrl(url)} names no database`);
  return name;
}

/** The same server, user and settings, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = parse(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** How pg_dump or pg_restore reaches a database: `--dbname` without the password, the password in PGPASSWORD. */
export function programConnection(url: string): { readonly dbname: string; readonly env: Readonly<Record<string, string>> } {
  const parsed = parse(url);
  const password = passwordOf(parsed);
  parsed.password = '';
  parsed.searchParams.delete('password');
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs `work`; an error it throws comes out with the URL and its password masked in its message, under the same name. */
export async function maskingErrors<T>(url: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(redact(String(error), url));
    error.message = redact(error.message, url);
    if (error.stack) error.stack = redact(error.stack, url);
    throw error;
  }
}
