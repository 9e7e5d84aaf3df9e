import { protocolError } from '@contact-desk/shared';
import type { CommitMetrics, MutationOutcome } from '../monitoring/relay-metrics.js';
import type { WriteContext } from '../storage/storage.js';
import type { BatchBuilder } from './batch-builder.js';
import { handleDeadlines, handleEnroll, handleMutation, handleReceipt } from './job-handlers.js';
import type { Job } from './jobs.js';
import type { CoreOutreach } from './relay-core.js';
import type { RelayState } from './relay-state.js';

/** What every job of a failed commit is told: nothing of it was recorded. */
export const STORAGE_FAILED = protocolError(
  'storage_unavailable',
  'The relay could not store this change; nothing was recorded. Send it again later.',
);

/** A receipt the store refused is tried again this often, this many times (ten minutes). */
const RECEIPT_RETRY_MS = 1_000;
const RECEIPT_RETRIES = 600;

/**
 * How the jobs of one group commit are decided into its batch and answered: each job's answer
 * is held until the batch is committed, or replaced by a refusal when the commit fails.
 */
export class JobAnswers {
  /** Failed attempts of receipts a failed commit dropped, by request. */
  private readonly receiptRetries = new Map<string, number>();

  constructor(
    private readonly state: RelayState,
    private readonly outreach: CoreOutreach,
    private readonly metrics: CommitMetrics,
    /** Queues a job again for a later commit. */
    private readonly requeue: (job: Job) => void,
  ) {}

  /** Adds a job's work to the batch; returns how to answer it once the batch is committed. */
  decide(batch: BatchBuilder, job: Job, context: WriteContext): () => void {
    switch (job.kind) {
      case 'mutations': {
        const outcomes: MutationOutcome[] = [];
        const results = job.mutations.map((mutation) => {
          // A re-sent id is answered with the very result object stored for it.
          const stored = batch.mutationResults.get(mutation.mutationId) ?? context.mutationResults.get(mutation.mutationId);
          const result = handleMutation(batch, context, job.session, mutation, this.outreach.secrets);
          outcomes.push(result === stored?.result ? 'replayed' : result.status === 'accepted' ? 'accepted' : result.error.code);
          return result;
        });
        return () => {
          job.mutations.forEach((mutation, i) => this.metrics.mutationAnswered(mutation.type, outcomes[i] ?? 'internal'));
          job.done(results);
        };
      }
      case 'deadlines': {
        const missed = handleDeadlines(batch, job.requestIds);
        return () => job.done(missed);
      }
      case 'receipt':
        handleReceipt(batch, job.requestId, job.deviceId);
        return () => {
          this.receiptRetries.delete(job.requestId);
          job.done();
        };
      case 'deadlinesSoon':
        this.outreach.outbox?.planSoon(batch, job.steps, this.state);
        return () => job.done();
      case 'attempts':
        this.outreach.outbox?.recordAttempts(batch, job.outcomes);
        return () => job.done(true);
      case 'enroll': {
        const response = handleEnroll(batch, context, job.code, job.deviceLabel);
        return () => job.done(response);
      }
    }
  }

  /** Answers a job whose commit failed (a receipt is queued again instead, for a while). */
  fail(job: Job): void {
    switch (job.kind) {
      case 'mutations':
        for (const mutation of job.mutations) this.metrics.mutationAnswered(mutation.type, STORAGE_FAILED.code);
        job.done(
          job.mutations.map((mutation) => ({
            mutationId: mutation.mutationId,
            status: 'rejected',
            error: STORAGE_FAILED,
          })),
        );
        break;
      case 'deadlines':
        job.done([]);
        break;
      case 'enroll':
        job.done({ ok: false, error: STORAGE_FAILED });
        break;
      case 'attempts':
        job.done(false);
        break;
      case 'receipt': {
        // The device has the request and its receipt starts the action deadline: record it as
        // soon as the store takes writes again, not only at the liaison's next step.
        const attempts = (this.receiptRetries.get(job.requestId) ?? 0) + 1;
        if (attempts > RECEIPT_RETRIES) {
          this.receiptRetries.delete(job.requestId);
          job.done();
          break;
        }
        this.receiptRetries.set(job.requestId, attempts);
        setTimeout(() => this.requeue(job), RECEIPT_RETRY_MS).unref();
        break;
      }
      default:
        job.done();
    }
  }
}
