import type { Platform } from '@contact-desk/shared';
import { describe, expect, it } from 'vitest';
import { domainsChanged, domainsText, parseDomains } from '../../src/renderer/src/features/admin/platform-domains-text';

const X: Platform = { id: 'x', name: 'X', kind: 'platform', backupLiaisonId: null, escalationContact: null, active: true, createdAt: 0 };

describe('a platform’s domains in the admin field', () => {
  it('shows the usual domains until the prefect sets the platform’s own, one a line', () => {
    expect(domainsText(X)).toBe('x.com\ntwitter.com\nt.co');
    expect(domainsText({ ...X, domains: ['x.com'] })).toBe('x.com');
    expect(domainsText({ ...X, id: 'telegram' })).toBe('');
  });

  it('reads lines, commas and spaces, written as addresses are compared', () => {
    expect(parseDomains(' WWW.X.com\n\nm.twitter.com, t.co ')).toEqual({ ok: true, domains: ['x.com', 'twitter.com', 't.co'] });
    expect(parseDomains('')).toEqual({ ok: true, domains: [] });
  });

  it('names the first line that is not a domain, a domain listed twice, and a list too long', () => {
    expect(parseDomains('x.com\nhttps://x.com/home')).toEqual({ ok: false, problem: { kind: 'invalid', value: 'https://x.com/home' } });
    expect(parseDomains('x.com\nwww.x.com')).toEqual({ ok: false, problem: { kind: 'twice', value: 'x.com' } });
    const many = Array.from({ length: 51 }, (_, index) => `d${index}.example`).join('\n');
    expect(parseDomains(many)).toEqual({ ok: false, problem: { kind: 'tooMany', max: 50 } });
  });

  it('sends the domains only when they differ from those the platform reads now', () => {
    expect(domainsChanged(X, ['x.com', 'twitter.com', 't.co'])).toBe(false);
    expect(domainsChanged(X, ['x.com', 'twitter.com'])).toBe(true);
    expect(domainsChanged({ ...X, domains: [] }, [])).toBe(false);
  });
});
