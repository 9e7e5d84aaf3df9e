import {
  actorOf,
  decide,
  draft,
  dueDeadlineEvents,
  newId,
  PENDING_STATUSES,
  protocolError,
  refusal,
  SYSTEM_ACTOR,
  type EnrollResponse,
  type Mutation,
  type MutationResult,
  type MutationResultData,
} from '@contact-desk/shared';
import { isLiveApiKey, issueApiKeys, KEY_REFUSED, requestHashOf } from '../api/api-keys.js';
import { hashEnrollmentCode, hashSecret, newDeviceToken, newEnrollmentCode } from '../auth/secrets.js';
import type { SecretSealer } from '../outreach/secret-box.js';
import { keepWebhookSecrets } from '../outreach/webhook-secrets.js';
import type { WriteContext, WriteRequest } from '../storage/storage.js';
import type { Job, MissedDeadline } from './jobs.js';
import type { BatchBuilder } from './batch-builder.js';
import type { Session } from './session.js';

/** Secrets go back to the author once; the stored (re-sendable) result never holds them. */
function withoutSecrets(result: MutationResult): MutationResult {
  if (result.status !== 'accepted' || result.data === undefined) return result;
  const { enrollmentCode, signingSecret, apiKey, ...data } = result.data;
  if (enrollmentCode === undefined && signingSecret === undefined && apiKey === undefined) return result;
  return { ...result, data };
}

function reused(mutationId: string, message: string, reason: string): MutationResult {
  return { mutationId, status: 'rejected', error: refusal('mutation_id_reused', reason, message) };
}

const REVOKED = protocolError('unauthenticated', 'This device or user was revoked.');

function revokedSince(batch: BatchBuilder, session: Session): boolean {
  const user = batch.draft.user(session.user.id);
  const device = batch.draft.device(session.device.id);
  return (user !== undefined && user.revokedAt !== null) || (device !== undefined && device.revokedAt !== null);
}

/** Decides one mutation into the batch, or returns the answer it already got. */
export function handleMutation(
  batch: BatchBuilder,
  stored: Pick<WriteContext, 'mutationResults'>,
  session: Session,
  mutation: Mutation,
  secrets?: SecretSealer,
): MutationResult {
  // A key revoked since its request was authenticated no longer acts, even within this batch.
  if (session.apiKeyId !== undefined && !isLiveApiKey(batch.draft.integration(session.apiKeyId))) {
    return { mutationId: mutation.mutationId, status: 'rejected', error: KEY_REFUSED };
  }
  // Likewise a device or user revoked since the push was admitted: earlier in this batch, or on
  // another relay node (its events are folded into the draft before the batch is decided).
  if (revokedSince(batch, session)) return { mutationId: mutation.mutationId, status: 'rejected', error: REVOKED };
  const requestHash = session.apiKeyId === undefined ? null : requestHashOf(mutation);
  const prior = batch.mutationResults.get(mutation.mutationId) ?? stored.mutationResults.get(mutation.mutationId);
  if (prior) {
    if (prior.userId !== session.user.id)
      return reused(mutation.mutationId, 'This mutation id was already used by another user.', 'other_user');
    if ((prior.requestHash ?? null) !== requestHash) {
      return reused(mutation.mutationId, 'This Idempotency-Key was already used for another request.', 'request_differs');
    }
    return prior.result;
  }
  const decision = decide(
    { actor: session.actor, now: batch.now, clientTime: mutation.clientTime, read: batch.draft, head: batch.head },
    mutation,
  );
  let result: MutationResult;
  if (!decision.ok) {
    result = { mutationId: mutation.mutationId, status: 'rejected', error: decision.error };
  } else {
    if (session.user.role === 'liaison' && 'requestId' in mutation.args) {
      // A liaison acting on a request proves a device of the platform has it.
      handleReceipt(batch, mutation.args.requestId, session.device.id);
    }
    const events = batch.append(decision.events, session.actor, mutation.mutationId, mutation.clientTime);
    let data: MutationResultData | undefined = decision.data;
    for (const event of events) {
      if (event.type !== 'user.enrollmentIssued') continue;
      const code = newEnrollmentCode();
      batch.enrollmentCodes.push({
        codeHash: hashEnrollmentCode(code),
        userId: event.payload.userId,
        expiresAt: event.payload.expiresAt,
      });
      data = { ...data, enrollmentCode: code, enrollmentExpiresAt: event.payload.expiresAt };
    }
    const apiKey = issueApiKeys(events, batch.apiKeys);
    if (apiKey !== undefined) data = { ...data, apiKey };
    data = keepWebhookSecrets(batch, mutation, events, data, secrets);
    result = {
      mutationId: mutation.mutationId,
      status: 'accepted',
      seqs: events.map((event) => event.seq),
      serverTime: batch.now,
      ...(data === undefined ? {} : { data }),
    };
  }
  batch.mutationResults.set(mutation.mutationId, {
    userId: session.user.id,
    receivedAt: batch.now,
    result: withoutSecrets(result),
    requestHash,
  });
  return result;
}

/** Records deadline misses and escalations that fell due, checked against the latest state; returns the misses. */
export function handleDeadlines(batch: BatchBuilder, requestIds: readonly string[]): MissedDeadline[] {
  const missed: MissedDeadline[] = [];
  for (const requestId of requestIds) {
    const request = batch.draft.request(requestId);
    if (!request) continue;
    const due = dueDeadlineEvents(request, batch.now);
    if (due.length === 0) continue;
    for (const event of batch.append(due, SYSTEM_ACTOR, null, null)) if (event.type === 'request.deadlineMissed') missed.push(event);
  }
  return missed;
}

/** Records the first delivery of a pending request to a device of its platform. */
export function handleReceipt(batch: BatchBuilder, requestId: string, deviceId: string): void {
  const request = batch.draft.request(requestId);
  if (!request || request.receivedAt !== null || !PENDING_STATUSES.includes(request.status)) return;
  batch.append([draft('request.received', { requestId, deviceId })], SYSTEM_ACTOR, null, null);
}

const ENROLLMENT_REFUSED = protocolError(
  'unauthenticated',
  'This enrollment code is unknown, already used or expired. Ask the prefect for a new one.',
);

/** Exchanges a one-time code for a new device and its token. */
export function handleEnroll(
  batch: BatchBuilder,
  stored: Pick<WriteContext, 'enrollmentCodes'>,
  code: string,
  deviceLabel: string,
): EnrollResponse {
  const codeHash = hashEnrollmentCode(code);
  const record = stored.enrollmentCodes.get(codeHash);
  const usedInBatch = batch.usedEnrollmentCodes.some((used) => used.codeHash === codeHash);
  if (!record || record.usedAt !== null || usedInBatch || record.expiresAt <= batch.now) {
    return { ok: false, error: ENROLLMENT_REFUSED };
  }
  const user = batch.draft.user(record.userId);
  if (!user || user.revokedAt !== null) return { ok: false, error: ENROLLMENT_REFUSED };
  const deviceId = newId();
  const token = newDeviceToken(batch.now);
  const actor = actorOf(user, deviceId);
  const device = { id: deviceId, userId: user.id, label: deviceLabel, enrolledAt: batch.now, revokedAt: null };
  batch.append([draft('device.enrolled', { device })], actor, null, null);
  batch.deviceTokens.push({ tokenHash: hashSecret(token), deviceId });
  batch.usedEnrollmentCodes.push({ codeHash, usedAt: batch.now });
  return { ok: true, token, deviceId, actor };
}

/** What the jobs of a batch need read under the write lock: re-sent mutation ids, enrollment codes. */
export function lookupsOf(jobs: readonly Job[], knownSeq: number): WriteRequest {
  const mutationIds: string[] = [];
  const enrollmentCodeHashes: string[] = [];
  for (const job of jobs) {
    if (job.kind === 'mutations') for (const mutation of job.mutations) mutationIds.push(mutation.mutationId);
    if (job.kind === 'enroll') enrollmentCodeHashes.push(hashEnrollmentCode(job.code));
  }
  return { knownSeq, mutationIds, enrollmentCodeHashes };
}
