import { DOMAINS_PER_PLATFORM, domainsOf, platformDomainSchema, platformDomainsSchema, type Platform } from '@contact-desk/shared';

/** What keeps a list of domains from being saved, with the line concerned. */
export type DomainsProblem =
  | { readonly kind: 'invalid'; readonly value: string }
  | { readonly kind: 'tooMany'; readonly max: number }
  | { readonly kind: 'twice'; readonly value: string };

export type ParsedDomains =
  { readonly ok: true; readonly domains: readonly string[] } | { readonly ok: false; readonly problem: DomainsProblem };

/** A platform's domains as the field shows them: one a line. */
export function domainsText(platform: Platform): string {
  return domainsOf(platform).join('\n');
}

/**
 * The domains typed in the field (one a line; commas and spaces separate too), checked with the
 * schema the relay applies: written as addresses are compared, at most `DOMAINS_PER_PLATFORM`,
 * none twice. The first problem is named with the line it is on.
 */
export function parseDomains(text: string): ParsedDomains {
  const lines = text.split(/[\s,;]+/).filter((line) => line.length > 0);
  const parsed = platformDomainsSchema.safeParse(lines);
  if (parsed.success) return { ok: true, domains: parsed.data };
  const issue = parsed.error.issues[0];
  const index = issue?.path[0];
  if (typeof index === 'number' && lines[index] !== undefined) return { ok: false, problem: { kind: 'invalid', value: lines[index] } };
  if (lines.length > DOMAINS_PER_PLATFORM) return { ok: false, problem: { kind: 'tooMany', max: DOMAINS_PER_PLATFORM } };
  const seen = new Set<string>();
  for (const line of lines) {
    const domain = platformDomainSchema.parse(line);
    if (seen.has(domain)) return { ok: false, problem: { kind: 'twice', value: domain } };
    seen.add(domain);
  }
  return { ok: false, problem: { kind: 'invalid', value: lines[0] ?? '' } };
}

/** Whether the domains differ from those the platform reads now (its own, else the usual ones). */
export function domainsChanged(platform: Platform, domains: readonly string[]): boolean {
  const current = domainsOf(platform);
  return current.length !== domains.length || current.some((domain, index) => domain !== domains[index]);
}
