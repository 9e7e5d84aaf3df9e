import type { Actor, EnrollResponse, EventOf, Mutation, MutationResult } from '@contact-desk/shared';
import type { AttemptOutcome } from '../outreach/attempts.js';
import type { SoonStep } from '../outreach/outbox.js';
import type { Session } from './session.js';

/** A `request.deadlineMissed` the deadline watcher recorded. */
export type MissedDeadline = EventOf<'request.deadlineMissed'>;

/** Work waiting for the next group commit. Each job is answered only after its batch commits. */
export type Job =
  | {
      readonly kind: 'mutations';
      readonly session: Session;
      readonly mutations: readonly Mutation[];
      readonly done: (results: MutationResult[]) => void;
    }
  | {
      readonly kind: 'deadlines';
      readonly requestIds: readonly string[];
      /** The misses recorded (none when the batch failed). */
      readonly done: (missed: readonly MissedDeadline[]) => void;
    }
  | {
      readonly kind: 'receipt';
      readonly requestId: string;
      readonly deviceId: string;
      readonly done: () => void;
    }
  /** Deadlines that are near: their messages are planned (docs/decisions/0008). */
  | { readonly kind: 'deadlinesSoon'; readonly steps: readonly SoonStep[]; readonly done: () => void }
  /** Outcomes of the sender's attempts: each an event and the delivery's new state. */
  | {
      readonly kind: 'attempts';
      readonly outcomes: readonly AttemptOutcome[];
      readonly done: (recorded: boolean) => void;
    }
  | {
      readonly kind: 'enroll';
      readonly code: string;
      readonly deviceLabel: string;
      readonly done: (response: EnrollResponse) => void;
    };

export interface EnrolledDevice {
  readonly token: string;
  readonly deviceId: string;
  readonly actor: Actor;
}
