import { domainClaimedElsewhere } from '../crisis/platform-domains.js';
import type { Platform } from '../domain/platform.js';
import type { User } from '../domain/user.js';
import { notFound, refusal } from '../protocol/errors.js';
import { draft } from '../protocol/events.js';
import type { MutationArgs } from '../protocol/mutations.js';
import { accept, ENROLLMENT_CODE_TTL_MS, reject, type DecideContext, type Decision } from './decision.js';

export function decidePlatformCreate(ctx: DecideContext, args: MutationArgs<'platform.create'>): Decision {
  if (ctx.read.platform(args.platformId)) {
    return reject(refusal('conflict', 'platform_exists', `Platform ${args.platformId} already exists.`, { id: args.platformId }));
  }
  const platform: Platform = {
    id: args.platformId,
    name: args.name,
    kind: args.kind,
    backupLiaisonId: null,
    escalationContact: null,
    active: true,
    createdAt: ctx.now,
  };
  return accept([draft('platform.created', { platform })]);
}

export function decidePlatformUpdate(ctx: DecideContext, args: MutationArgs<'platform.update'>): Decision {
  const platform = ctx.read.platform(args.platformId);
  if (!platform) return reject(notFound('platform', args.platformId));
  const backupId = args.patch.backupLiaisonId;
  if (backupId) {
    const backup = ctx.read.user(backupId);
    if (!backup || backup.role !== 'liaison' || backup.platformId !== platform.id || backup.revokedAt !== null) {
      return reject(
        refusal('invalid_payload', 'backup_not_liaison', `The backup liaison must be an active liaison of ${platform.name}.`, {
          path: 'patch.backupLiaisonId',
          platform: platform.name,
        }),
      );
    }
  }
  const claimed = args.patch.domains && domainClaimedElsewhere(platform.id, args.patch.domains, ctx.read.allPlatforms());
  if (claimed) {
    return reject(
      refusal('conflict', 'domain_taken', `${claimed.domain} is already a domain of ${claimed.platform.name}.`, {
        path: 'patch.domains',
        domain: claimed.domain,
        platform: claimed.platform.name,
      }),
    );
  }
  return accept([draft('platform.updated', { platform: { ...platform, ...args.patch } })]);
}

function enrollmentIssued(ctx: DecideContext, userId: string) {
  return draft('user.enrollmentIssued', { userId, expiresAt: ctx.now + ENROLLMENT_CODE_TTL_MS });
}

export function decideUserCreate(ctx: DecideContext, args: MutationArgs<'user.create'>): Decision {
  if (ctx.read.user(args.userId)) {
    return reject(refusal('conflict', 'user_exists', `User ${args.userId} already exists.`, { id: args.userId }));
  }
  if (args.platformId !== null && !ctx.read.platform(args.platformId)) {
    return reject(notFound('platform', args.platformId));
  }
  const user: User = {
    id: args.userId,
    name: args.name,
    email: args.email,
    role: args.role,
    platformId: args.platformId,
    team: args.team,
    phone: args.phone,
    createdAt: ctx.now,
    revokedAt: null,
  };
  return accept([draft('user.created', { user }), enrollmentIssued(ctx, user.id)]);
}

function activeUser(ctx: DecideContext, userId: string): User | Decision {
  const user = ctx.read.user(userId);
  if (!user) return reject(notFound('user', userId));
  if (user.revokedAt !== null) {
    return reject(refusal('conflict', 'user_revoked', `User ${user.name} is revoked.`, { id: userId, name: user.name }));
  }
  return user;
}

export function decideUserUpdate(ctx: DecideContext, args: MutationArgs<'user.update'>): Decision {
  const user = activeUser(ctx, args.userId);
  if ('ok' in user) return user;
  return accept([draft('user.updated', { user: { ...user, ...args.patch } })]);
}

export function decideUserRevoke(ctx: DecideContext, args: MutationArgs<'user.revoke'>): Decision {
  if (args.userId === ctx.actor.userId) {
    return reject(refusal('forbidden', 'revoke_self', 'You cannot revoke your own access.', { id: args.userId }));
  }
  const user = activeUser(ctx, args.userId);
  if ('ok' in user) return user;
  return accept([draft('user.revoked', { userId: user.id })]);
}

export function decideIssueEnrollmentCode(ctx: DecideContext, args: MutationArgs<'user.issueEnrollmentCode'>): Decision {
  const user = activeUser(ctx, args.userId);
  if ('ok' in user) return user;
  return accept([enrollmentIssued(ctx, user.id)]);
}

export function decideDeviceRevoke(ctx: DecideContext, args: MutationArgs<'device.revoke'>): Decision {
  const device = ctx.read.device(args.deviceId);
  if (!device) return reject(notFound('device', args.deviceId));
  if (device.revokedAt !== null) {
    return reject(
      refusal('conflict', 'device_revoked', `Device ${device.label} is already revoked.`, { id: device.id, label: device.label }),
    );
  }
  return accept([draft('device.revoked', { deviceId: device.id, userId: device.userId })]);
}

export function decidePolicyUpdate(ctx: DecideContext, args: MutationArgs<'policy.update'>): Decision {
  const current = ctx.read.policy();
  return accept([draft('policy.updated', { policy: { version: current.version + 1, levels: args.levels, updatedAt: ctx.now } })]);
}
