import { posix, win32 } from 'node:path';
import { z } from 'zod';

/**
 * Whether and how the installed app updates itself: the decisions, without Electron. The wiring
 * (update-service.ts) gathers the facts, asks `planUpdates`, and tells electron-updater.
 */

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** electron-updater's name for each channel: the file read on the server (`latest.yml`, `beta-mac.yml`…). */
export const FEED_CHANNEL: Readonly<Record<UpdateChannel, string>> = { stable: 'latest', beta: 'beta' };

/** How often an installed app asks the update server, after a first time at start. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** Larger than any settings file an administrator writes: anything bigger is refused unread. */
export const ADMIN_SETTINGS_MAX_BYTES = 64 * 1024;

/** The update server's address: https only, since on Linux the update's hash is all that vouches for it. */
const updateServerUrlSchema = z.url({ protocol: /^https$/, error: 'not an https:// address' }).max(2048);

/** The machine-wide settings file an administrator manages (docs/installing.md). Unknown keys are refused. */
export const adminSettingsSchema = z
  .object({
    updates: z
      .object({
        enabled: z.boolean().optional(),
        channel: z
          .enum(UPDATE_CHANNELS, { error: `not a channel: expected ${UPDATE_CHANNELS.map((c) => `"${c}"`).join(' or ')}` })
          .optional(),
        url: updateServerUrlSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type AdminSettings = z.output<typeof adminSettingsSchema>;

/** The settings file as read: none, understood, or refused with what is wrong. */
export type AdminSettingsRead =
  | { readonly kind: 'absent'; readonly path: string }
  | { readonly kind: 'valid'; readonly path: string; readonly settings: AdminSettings }
  | { readonly kind: 'refused'; readonly path: string; readonly reason: string };

/**
 * Where the administrator's settings file lives: machine-wide, writable by administrators only.
 * Windows: `%ProgramData%\Contact Desk\settings.json`; macOS: `/Library/Application Support/Contact
 * Desk/settings.json`; Linux: `/etc/contact-desk/settings.json`.
 */
export function adminSettingsPath(platform: NodeJS.Platform, programData: string | undefined): string {
  if (platform === 'win32') {
    const base = programData !== undefined && win32.isAbsolute(programData) ? programData : 'C:\\ProgramData';
    return win32.join(base, 'Contact Desk', 'settings.json');
  }
  if (platform === 'darwin') return posix.join('/Library/Application Support/Contact Desk', 'settings.json');
  return posix.join('/etc/contact-desk', 'settings.json');
}

/** The file's text (null when there is none) understood, or refused naming each problem. */
export function parseAdminSettings(path: string, text: string | null): AdminSettingsRead {
  if (text === null) return { kind: 'absent', path };
  if (Buffer.byteLength(text, 'utf8') > ADMIN_SETTINGS_MAX_BYTES) {
    return { kind: 'refused', path, reason: `larger than ${ADMIN_SETTINGS_MAX_BYTES} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'refused', path, reason: `not JSON (${(error as Error).message})` };
  }
  const parsed = adminSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    return { kind: 'refused', path, reason: problems.join('; ') };
  }
  return { kind: 'valid', path, settings: parsed.data };
}

/** What the running app knows about itself when it decides. */
export interface UpdateFacts {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** Linux only: an AppImage (`APPIMAGE` set), a system package (deb: `resources/package-type`), or neither. */
  readonly linuxForm: 'appimage' | 'system-package' | 'other';
  /** `resources/app-update.yml`, written by the build when it was given an update server; null when absent. */
  readonly updateConfiguration: string | null;
  readonly adminSettings: AdminSettingsRead;
}

export type UpdatePlan =
  | { readonly enabled: false; readonly reason: string }
  | {
      readonly enabled: true;
      readonly channel: UpdateChannel;
      readonly feedChannel: string;
      /** The administrator's server, replacing the build's; null keeps the build's. */
      readonly serverOverride: string | null;
      /** The server asked, for the log. */
      readonly server: string;
    };

/** The `url:` of the build's update configuration (a file electron-builder writes, one key a line). */
export function configuredServer(updateConfiguration: string): string | null {
  return /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(updateConfiguration)?.[1] ?? null;
}

/** Whether the build's update configuration names the Windows publisher an update must be signed by. */
export function namesPublisher(updateConfiguration: string): boolean {
  // `publisherName: X` or a list (`publisherName:` then `  - X` lines); not `null`, `~` or `[]`.
  return /^publisherName:(?:[ \t]+(?!null\b|~|\[)\S|[ \t]*\r?\n[ \t]+-[ \t]+\S)/m.test(updateConfiguration);
}

const off = (reason: string): UpdatePlan => ({ enabled: false, reason });

/**
 * Whether to look for updates, where and on which channel. Off, with the reason, for a
 * development run; when the administrator's file is refused (nothing is guessed from a file that
 * does not say what it means) or turns updates off; on Linux for a system package (its package
 * manager updates it) or anything but an AppImage; for a build without update configuration; on
 * Windows when the build names no signing publisher, since an update's signature could not be
 * checked.
 */
export function planUpdates(facts: UpdateFacts): UpdatePlan {
  const { adminSettings } = facts;
  if (!facts.isPackaged) return off('not an installed build (a development run)');
  if (adminSettings.kind === 'refused') {
    return off(`the administrator's settings file ${adminSettings.path} is refused, so nothing is assumed: ${adminSettings.reason}`);
  }
  const admin = adminSettings.kind === 'valid' ? (adminSettings.settings.updates ?? {}) : {};
  if (admin.enabled === false) return off(`turned off by the administrator (${adminSettings.path})`);
  if (facts.platform === 'linux' && facts.linuxForm === 'system-package') {
    return off("installed from a system package: the system's package manager updates it");
  }
  if (facts.platform === 'linux' && facts.linuxForm !== 'appimage') return off('only the AppImage updates itself on Linux');
  if (facts.updateConfiguration === null) {
    return off('this build has no update configuration (it was built without CONTACT_DESK_UPDATE_URL)');
  }
  if (facts.platform === 'win32' && !namesPublisher(facts.updateConfiguration)) {
    return off("this Windows build names no code-signing publisher, so an update's signature could not be checked");
  }
  const channel = admin.channel ?? 'stable';
  const server = admin.url ?? configuredServer(facts.updateConfiguration) ?? '(the build’s server)';
  return { enabled: true, channel, feedChannel: FEED_CHANNEL[channel], serverOverride: admin.url ?? null, server };
}

/** What the user is told once an update is downloaded: a menu item to restart with it, and a notice. */
export interface UpdateNotice {
  readonly menuLabel: string;
  readonly title: string;
  readonly body: string;
}

export function updateNotice(locale: string, version: string): UpdateNotice {
  if (locale.toLowerCase().startsWith('fr')) {
    const menuLabel = `Redémarrer pour installer la version ${version}`;
    return {
      menuLabel,
      title: 'Mise à jour prête',
      body: `La version ${version} de Contact Desk est téléchargée. Elle s’installera quand vous choisirez « ${menuLabel} » dans le menu, au moment qui vous convient.`,
    };
  }
  const menuLabel = `Restart to install version ${version}`;
  return {
    menuLabel,
    title: 'Update ready',
    body: `Contact Desk ${version} is downloaded. It installs when you choose “${menuLabel}” in the menu, whenever suits you.`,
  };
}
