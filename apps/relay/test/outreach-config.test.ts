import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTREACH, resolveOutreach } from '../src/outreach/outreach-config.js';

describe('outreach settings from the environment', () => {
  it('takes each CONTACT_DESK_* setting over the default; no SMTP server, no mail', () => {
    expect(resolveOutreach({})).toEqual(DEFAULT_OUTREACH);
    expect(DEFAULT_OUTREACH).toMatchObject({ smtpUrl: null, timeoutMs: 10_000, giveUpMs: 86_400_000 });
    expect(
      resolveOutreach({
        CONTACT_DESK_SMTP_URL: 'smtps://desk:secret@smtp.interieur.example:465',
        CONTACT_DESK_MAIL_FROM: 'Contact Desk <desk@interieur.example>',
        CONTACT_DESK_DUTY_EMAIL: 'permanence@interieur.example',
        CONTACT_DESK_APP_URL: 'https://desk.interieur.example',
        CONTACT_DESK_DELIVERY_TIMEOUT_MS: '5000',
        CONTACT_DESK_DELIVERY_GIVE_UP_MS: '3600000',
        CONTACT_DESK_DELIVERY_CONCURRENCY: '4',
      }),
    ).toEqual({
      ...DEFAULT_OUTREACH,
      smtpUrl: 'smtps://desk:secret@smtp.interieur.example:465',
      mailFrom: 'Contact Desk <desk@interieur.example>',
      dutyEmail: 'permanence@interieur.example',
      appUrl: 'https://desk.interieur.example',
      timeoutMs: 5_000,
      giveUpMs: 3_600_000,
      concurrency: 4,
    });
  });

  it('refuses what it cannot use, without repeating an SMTP URL (it may hold a password)', () => {
    expect(() => resolveOutreach({ CONTACT_DESK_SMTP_URL: 'http://user:hunter2@mail.example' })).toThrow(
      /^invalid CONTACT_DESK_SMTP_URL: must be smtp:\/\/ or smtps:\/\/$/,
    );
    expect(() => resolveOutreach({ CONTACT_DESK_DUTY_EMAIL: 'permanence' })).toThrow(/CONTACT_DESK_DUTY_EMAIL/);
    expect(() => resolveOutreach({ CONTACT_DESK_APP_URL: 'javascript:alert(1)' })).toThrow(/CONTACT_DESK_APP_URL/);
    expect(() => resolveOutreach({ CONTACT_DESK_DELIVERY_GIVE_UP_MS: '0' })).toThrow(/CONTACT_DESK_DELIVERY_GIVE_UP_MS/);
    expect(() => resolveOutreach({ CONTACT_DESK_DELIVERY_TIMEOUT_MS: '2.5' })).toThrow(/CONTACT_DESK_DELIVERY_TIMEOUT_MS/);
  });
});
