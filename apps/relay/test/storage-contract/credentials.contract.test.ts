/** Storage contract, credentials: enrollment codes (read under the lock, spent once, superseded), device tokens. */
import type { User } from '@contact-desk/shared';
import { expect, it } from 'vitest';
import type { Storage } from '../../src/storage/storage.js';
import { forEachEngine } from './engines.js';
import { enrollDevice, IDS, LogWriter, seed, step } from './log-writer.js';

const HOUR = 3_600_000;

/** A seeded store where the operator was issued code `code-1`; returns the writer and the operator. */
async function withCode(fresh: () => Promise<Storage>) {
  const storage = await fresh();
  const writer = new LogWriter(storage);
  await seed(writer);
  await writer.write([], {
    extra: (batch) => batch.enrollmentCodes.push({ codeHash: 'code-1', userId: IDS.operator, expiresAt: writer.now + HOUR }),
  });
  return { storage, writer, operator: writer.state.users.get(IDS.operator) as User };
}

forEachEngine('credentials', (fresh) => {
  it('reads the asked enrollment codes that exist, under the lock', async () => {
    const { storage, writer } = await withCode(fresh);
    const next = await writer.write([], { enrollmentCodeHashes: ['code-1', 'code-unknown'] });
    expect([...next.context.enrollmentCodes]).toEqual([['code-1', { userId: IDS.operator, expiresAt: writer.now + HOUR, usedAt: null }]]);
    expect(await storage.enrollmentCode('code-1')).toEqual({ userId: IDS.operator, expiresAt: writer.now + HOUR, usedAt: null });
    expect(await storage.enrollmentCode('code-unknown')).toBeUndefined();
  });

  it('spends a code once: spending it again fails the whole write', async () => {
    const { storage, writer, operator } = await withCode(fresh);
    writer.now += 60_000;
    let deviceId = '';
    await writer.write([], { extra: (batch) => (deviceId = enrollDevice(batch, operator, 'code-1', 'token-1')) });
    expect(await storage.enrollmentCode('code-1')).toMatchObject({ usedAt: writer.now });
    expect(await storage.credential('token-1')).toEqual({
      device: writer.state.devices.get(deviceId),
      user: writer.state.users.get(IDS.operator),
    });
    const before = await storage.snapshot();
    const again = writer.write([], { extra: (batch) => enrollDevice(batch, operator, 'code-1', 'token-2') });
    await expect(again).rejects.toThrow();
    expect(await storage.snapshot()).toEqual(before);
    expect(await storage.credential('token-2')).toBeUndefined();
  });

  it('fails a write that spends one code twice, or a code that does not exist', async () => {
    const { storage, writer, operator } = await withCode(fresh);
    const before = await storage.snapshot();
    const twice = writer.write([], {
      extra: (batch) => {
        enrollDevice(batch, operator, 'code-1', 'token-1');
        enrollDevice(batch, operator, 'code-1', 'token-2');
      },
    });
    await expect(twice).rejects.toThrow();
    await expect(writer.write([], { extra: (batch) => enrollDevice(batch, operator, 'code-unknown', 'token-3') })).rejects.toThrow();
    expect(await storage.snapshot()).toEqual(before);
    expect(await storage.enrollmentCode('code-1')).toMatchObject({ usedAt: null });
  });

  it('cancels the older unused codes of a user issued a new one, at the time it was issued', async () => {
    const { storage, writer } = await withCode(fresh);
    writer.now += 60_000;
    const issuedAt = writer.now;
    await writer.write([step('user.issueEnrollmentCode', { userId: IDS.operator })], {
      extra: (batch) => batch.enrollmentCodes.push({ codeHash: 'code-2', userId: IDS.operator, expiresAt: issuedAt + HOUR }),
    });
    expect(await storage.enrollmentCode('code-1')).toMatchObject({ usedAt: issuedAt });
    expect(await storage.enrollmentCode('code-2')).toMatchObject({ usedAt: null });
  });

  it('keeps a code spent in the batch that issues its successor spent when it was spent', async () => {
    const { storage, writer, operator } = await withCode(fresh);
    writer.now += 60_000;
    await writer.write([], {
      extra: (batch) => {
        enrollDevice(batch, operator, 'code-1', 'token-1');
        batch.enrollmentCodes.push({ codeHash: 'code-2', userId: IDS.operator, expiresAt: writer.now + HOUR });
      },
    });
    expect(await storage.enrollmentCode('code-1')).toMatchObject({ usedAt: writer.now });
    expect(await storage.enrollmentCode('code-2')).toMatchObject({ usedAt: null });
  });

  it('replaces a device token: replaced, not_found, or in_use with nothing changed', async () => {
    const { storage, writer, operator } = await withCode(fresh);
    await writer.write([], {
      extra: (batch) => batch.enrollmentCodes.push({ codeHash: 'code-2', userId: IDS.metaLiaison, expiresAt: writer.now + HOUR }),
    });
    const liaison = writer.state.users.get(IDS.metaLiaison) as User;
    await writer.write([], {
      extra: (batch) => {
        enrollDevice(batch, operator, 'code-1', 'token-a');
        enrollDevice(batch, liaison, 'code-2', 'token-b');
      },
    });
    const a = await storage.credential('token-a');
    expect(await storage.replaceDeviceToken('token-a', 'token-a2')).toBe('replaced');
    expect(await storage.credential('token-a')).toBeUndefined();
    expect(await storage.credential('token-a2')).toEqual(a);
    expect(await storage.replaceDeviceToken('token-a', 'token-a3')).toBe('not_found');
    expect(await storage.replaceDeviceToken('token-a2', 'token-b')).toBe('in_use');
    expect(await storage.replaceDeviceToken('token-a2', 'token-a2')).toBe('in_use');
    expect(await storage.credential('token-a2')).toEqual(a);
    expect((await storage.credential('token-b'))?.user.id).toBe(IDS.metaLiaison);
  });
});
