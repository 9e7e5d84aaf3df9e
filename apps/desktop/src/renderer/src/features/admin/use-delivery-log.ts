import type { DeliveryStatus, DeliverySummary } from '@contact-desk/shared';
import { useCallback, useEffect, useState } from 'react';
import { useDesk } from '../../state/desk-store';

const PAGE = 100;

export interface DeliveryLog {
  readonly deliveries: readonly DeliverySummary[];
  readonly hasMore: boolean;
  /** `offline`: the relay could not be asked (the log is read live, never kept on the device). */
  readonly state: 'loading' | 'ready' | 'offline' | 'refused';
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
  const [round, setRound] = useState(0);

  const load = useCallback(
    async (before: number | undefined, keep: readonly DeliverySummary[]) => {
      setState('loading');
      const answer = await ask({ limit: PAGE, ...(before === undefined ? {} : { before }), ...(status ? { status } : {}) });
      if (!answer) return setState('offline');
      if (!answer.ok) return setState('refused');
      setDeliveries([...keep, ...answer.deliveries]);
      setHasMore(answer.hasMore);
      setState('ready');
    },
    [ask, status],
  );

  useEffect(() => {
    if (connection === 'online') void load(undefined, []);
    else setState('offline');
  }, [load, connection, round]);

  return {
    deliveries,
    hasMore,
    state,
    reload: () => setRound((value) => value + 1),
    more: () => void load(deliveries.at(-1)?.createdAt, deliveries),
  };
}
