import { readFileSync } from 'node:fs';

export type Environment = Record<string, string | undefined>;

/**
 * A setting the relay cannot use: names the flag or variable and says why, never repeating a
 * secret's value. The CLI prints the message alone and exits non-zero.
 */
export class SettingError extends Error {
  override readonly name = 'SettingError';

  constructor(
    /** The flag or variable at fault, e.g. `CONTACT_DESK_TLS_KEY`. */
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** A variable's value, trimmed; empty counts as unset (an `EnvironmentFile=` line left blank). */
export function textSetting(env: Environment, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

/** The settings that hold a secret: each is also read from the file its `*_FILE` variable names. */
export const SECRET_SETTINGS = ['CONTACT_DESK_ADMIN_SECRET', 'CONTACT_DESK_DATABASE_URL', 'CONTACT_DESK_SMTP_URL'] as const;
export type SecretSettingName = (typeof SECRET_SETTINGS)[number];

/** The longest secret file the relay reads (a database URL with a long password fits many times over). */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

/**
 * A secret from `NAME`, or from the file `NAME_FILE` names: a Docker secret (`/run/secrets/…`) or a
 * systemd credential (`%d/…` in the unit, `$CREDENTIALS_DIRECTORY`), so that it never has to be on
 * a command line. Surrounding whitespace (the file's final newline) is dropped; an empty value or
 * file counts as unset, so a systemd `SetCredential=` default of nothing leaves the setting off.
 */
export function secretSetting(env: Environment, name: SecretSettingName): string | undefined {
  const direct = textSetting(env, name);
  const file = textSetting(env, `${name}_FILE`);
  if (direct !== undefined && file !== undefined) {
    throw new SettingError(name, `set ${name} or ${name}_FILE, not both`);
  }
  if (file === undefined) return direct;
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SettingError(`${name}_FILE`, `${name}_FILE names ${file}, which cannot be read (${reason})`);
  }
  if (content.length > MAX_SECRET_FILE_BYTES) {
    throw new SettingError(`${name}_FILE`, `${name}_FILE names ${file}, larger than ${MAX_SECRET_FILE_BYTES} bytes`);
  }
  return content.toString('utf8').trim() || undefined;
}
