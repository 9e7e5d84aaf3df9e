import type { DeliveryStatus, DeliverySummary } from '@contact-desk/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { onDeskEvents, useDesk } from '../../state/desk-store';

const PAGE = 100;
/** The most the relay lists at once: the deliveries given up are counted up to this many. */
const COUNT_LIMIT = 500;
/** After an attempt arrives live, the first page is read again this much later (attempts come in bursts). */
const FOLLOW_MS = 1_000;

/** How many deliveries the relay gave up, in its whole log; `atLeast` when there are more than it counted. */
export interface AbandonedCount {
  readonly count: number;
  readonly atLeast: boolean;
}

export interface DeliveryLog {
  readonly deliveries: readonly DeliverySummary[];
  readonly hasMore: boolean;
  /** `offline`: the relay could not be asked (the log is read live, never kept on the device). */
  readonly state: 'loading' | 'ready' | 'offline' | 'refused';
  /** Whatever the filter and the pages shown; null until the relay answered. */
  readonly abandoned: AbandonedCount | null;
  reload(): void;
  more(): void;
}

/** The relay's delivery log, newest first, a page at a time, filtered by status. */
export function useDeliveryLog(status: DeliveryStatus | ''): DeliveryLog {
  const ask = useDesk((state) => state.deliveries);
  const connection = useDesk((state) => state.sync.connection);
  const [deliveries, setDeliveries] = useState<readonly DeliverySummary[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [state, setState] = useState<DeliveryLog['state']>('loading');
  const [abandoned, setAbandoned] = useState<AbandonedCount | null>(null);
  const [round, setRound] = useState(0);
  /** Older pages are shown: the list stays as it is rather than jump back to the newest. */
  const paged = useRef(false);

  const load = useCallback(
    async (before: number | undefined, keep: readonly DeliverySummary[]) => {
      setState('loading');
      const [answer, given] = await Promise.all([
        ask({ limit: PAGE, ...(before === undefined ? {} : { before }), ...(status ? { status } : {}) }),
        before === undefined ? ask({ limit: COUNT_LIMIT, status: 'abandoned' }) : undefined,
      ]);
      if (given?.ok) setAbandoned({ count: given.deliveries.length, atLeast: given.hasMore });
      if (!answer) return setState('offline');
      if (!answer.ok) return setState('refused');
      setDeliveries([...keep, ...answer.deliveries]);
      setHasMore(answer.hasMore);
      setState('ready');
    },
    [ask, status],
  );

  useEffect(() => {
    paged.current = false;
    if (connection === 'online') void load(undefined, []);
    else setState('offline');
  }, [load, connection, round]);

  // Every try is an event the prefect receives live: the first page follows them.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onDeskEvents((events, live) => {
      if (!live || paged.current || !events.some((event) => event.type === 'notification.attempted')) return;
      clearTimeout(timer);
      timer = setTimeout(() => setRound((value) => value + 1), FOLLOW_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  return {
    deliveries,
    hasMore,
    state,
    abandoned,
    reload: () => setRound((value) => value + 1),
    more: () => {
      paged.current = true;
      void load(deliveries.at(-1)?.createdAt, deliveries);
    },
  };
}
