import { z } from 'zod';

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
    data: z.instanceof(Uint8Array).refine((data) => data.byteLength <= 200 * 1024 * 1024, 'file too large'),
  })
  .strict();

export const printToPdfSchema = z.object({ suggestedName: saveFileSchema.shape.suggestedName }).strict();

export const notifySchema = z
  .object({ title: z.string().min(1).max(200), body: z.string().max(1000), urgent: z.boolean() })
  .strict();

export const badgeSchema = z.number().int().min(0).max(99_999);

export const credentialsSchema = z
  .object({
    relayUrl: z.url({ protocol: /^https?$/ }).max(2048),
    token: z.string().min(10).max(200),
  })
  .strict();
