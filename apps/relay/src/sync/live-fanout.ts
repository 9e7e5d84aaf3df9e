import { canSee, visibilityClass, type LiveEvents, type LogPosition, type LoggedEvent, type Viewer } from '@contact-desk/shared';

/** The Socket.IO room of every socket of one visibility class. */
export function classRoom(viewer: Viewer): string {
  return `class:${visibilityClass(viewer)}`;
}

/** A representative viewer of a visibility class, for filtering. */
function viewerOf(visibility: string): Viewer {
  if (visibility === 'admin') return { role: 'prefect', platformId: null };
  if (visibility === 'ministry') return { role: 'operator', platformId: null };
  return { role: 'liaison', platformId: visibility.slice('platform:'.length) };
}

/**
 * Splits each committed batch by visibility class and remembers, per class, the last seq it was
 * sent: each live message says "after afterSeq, these are all your events up to upToSeq", which
 * lets a client detect any gap precisely even though it sees only part of the log.
 */
export class LiveFanout {
  private readonly lastSent = new Map<string, number>();

  /** Called when the first socket of a class joins: nothing before `headSeq` is promised live. */
  track(visibility: string, headSeq: number): void {
    if (!this.lastSent.has(visibility)) this.lastSent.set(visibility, headSeq);
  }

  untrack(visibility: string): void {
    this.lastSent.delete(visibility);
  }

  /** The messages of one commit, by class, for the classes being tracked. */
  messages(events: readonly LoggedEvent[], head: LogPosition): Map<string, LiveEvents> {
    const out = new Map<string, LiveEvents>();
    for (const [visibility, afterSeq] of this.lastSent) {
      const viewer = viewerOf(visibility);
      const visible = events.filter((event) => canSee(viewer, event.audience));
      if (visible.length === 0) continue;
      out.set(visibility, { afterSeq, upToSeq: head.seq, upToHash: head.hash, events: visible });
      this.lastSent.set(visibility, head.seq);
    }
    return out;
  }
}
