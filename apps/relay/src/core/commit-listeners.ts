import type { LogPosition, LoggedEvent } from '@contact-desk/shared';
import type { Logger } from '../logger.js';

/** What a committed batch changed, for the live fan-out and for disconnecting revoked devices. */
export interface Committed {
  readonly events: readonly LoggedEvent[];
  /** The log's head after the commit. */
  readonly head: LogPosition;
  readonly revokedUsers: readonly string[];
  readonly revokedDevices: readonly string[];
}

/** Who hears of each commit, this node's or another node's folded in; one failing listener does not stop the others. */
export class CommitListeners {
  private readonly listeners = new Set<(committed: Committed) => void>();

  constructor(private readonly log: Logger) {}

  add(listener: (committed: Committed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(committed: Committed): void {
    if (committed.events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (error) {
        this.log.error({ err: error }, 'commit listener failed');
      }
    }
  }
}
