import { enrollRequestSchema } from '@contact-desk/shared';
import { z } from 'zod';
import { IPC_CHANNELS, MAX_RELAY_ADDRESSES, type IpcChannel } from './contract';
import { IpcRefusedError } from './refusal';

/** Profiles name local databases and credential files: a short safe slug. */
export const profileSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** Control characters (U+0000–U+001F, U+007F) never belong in a file name. */
function hasControlCharacter(text: string): boolean {
  return [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}

export const saveFileSchema = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .refine((name) => !/[\\/:*?"<>|]/.test(name) && !hasControlCharacter(name) && !name.startsWith('.'), 'not a plain file name'),
    // z.custom rather than z.instanceof: the renderer's bytes may sit on any ArrayBuffer kind.
    data: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes (Uint8Array)')
      .refine((data) => data.byteLength <= 200 * 1024 * 1024, 'file too large'),
  })
  .strict();

export const printToPdfSchema = z.object({ suggestedName: saveFileSchema.shape.suggestedName }).strict();

export const notifySchema = z.object({ title: z.string().min(1).max(200), body: z.string().max(1000), urgent: z.boolean() }).strict();

export const badgeSchema = z.number().int().min(0).max(99_999);

const relayUrlSchema = z.url({ protocol: /^https?$/ }).max(2048);
const tokenSchema = z.string().min(10).max(200);

/** A list of relay addresses: one at least, a bounded number, each once. */
const addressList = (address: z.ZodType<string>) =>
  z
    .array(address)
    .min(1)
    .max(MAX_RELAY_ADDRESSES)
    .refine((urls) => new Set(urls).size === urls.length, 'the same relay address twice');

/** A device's relay addresses as stored. */
export const relayUrlsSchema = addressList(relayUrlSchema);

/**
 * A relay address as enrollment takes it: an http(s) origin (scheme, host, port) exactly as the
 * URL parser writes it, so no path, query, credentials or look-alike spelling reaches the policy.
 */
const relayOriginSchema = relayUrlSchema.refine((url) => URL.canParse(url) && new URL(url).origin === url, {
  message: 'not a relay origin (scheme, host and port only)',
});

/** What an enrollment needs: the relay's origins, the one-time code and the device's name, as the relay bounds them. */
export const enrollSchema = z
  .object({
    relayUrls: addressList(relayOriginSchema),
    code: enrollRequestSchema.shape.code,
    deviceLabel: enrollRequestSchema.shape.deviceLabel,
  })
  .strict();

export const credentialsSchema = z
  .object({ relayUrls: relayUrlsSchema, token: tokenSchema, pendingToken: tokenSchema.optional() })
  .strict();

/**
 * Credentials as stored, in either form: with a list of relay addresses, or with the one
 * `relayUrl` of credentials written before devices kept a list, read back as a list of one.
 */
export const storedCredentialsSchema = z.union([
  credentialsSchema,
  z
    .object({ relayUrl: relayUrlSchema, token: tokenSchema, pendingToken: tokenSchema.optional() })
    .strict()
    .transform(({ relayUrl, ...rest }) => ({ relayUrls: [relayUrl], ...rest })),
]);

/**
 * The complete argument list of each channel. Both sides parse with it: the preload before
 * sending, the main process again on receipt (the renderer is not trusted). A missing or extra
 * argument is refused like a malformed one.
 */
export const CHANNEL_ARGUMENTS = {
  [IPC_CHANNELS.saveFile]: z.tuple([saveFileSchema]),
  [IPC_CHANNELS.printToPdf]: z.tuple([printToPdfSchema]),
  [IPC_CHANNELS.notify]: z.tuple([notifySchema]),
  [IPC_CHANNELS.setBadge]: z.tuple([badgeSchema]),
  [IPC_CHANNELS.tokenGet]: z.tuple([profileSchema]),
  [IPC_CHANNELS.tokenSet]: z.tuple([profileSchema, credentialsSchema]),
  [IPC_CHANNELS.tokenClear]: z.tuple([profileSchema]),
  [IPC_CHANNELS.enroll]: z.tuple([profileSchema, enrollSchema]),
} as const satisfies Record<IpcChannel, z.ZodType<readonly unknown[]>>;

export type ChannelArguments<C extends IpcChannel> = z.output<(typeof CHANNEL_ARGUMENTS)[C]>;

/** The arguments of `channel`, parsed, or an IpcRefusedError naming each problem. */
export function parseChannelArguments<C extends IpcChannel>(channel: C, args: readonly unknown[]): ChannelArguments<C> {
  const result = CHANNEL_ARGUMENTS[channel].safeParse(args);
  if (!result.success) {
    const reasons = result.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`);
    throw new IpcRefusedError(channel, 'invalid-argument', reasons.join('; '));
  }
  return result.data as ChannelArguments<C>;
}
