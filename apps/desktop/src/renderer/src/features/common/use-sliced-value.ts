import { useEffect, useMemo, useRef, useState } from 'react';
import { drain, runInSlices, type Work } from './sliced-work';

/**
 * The result of `work(input)`, computed again when `input` changes: at once while `small(input)`,
 * otherwise in slices between which the page stays responsive, showing the last result until
 * the new one is complete (undefined before the first). A newer input drops the work under way.
 */
export function useSlicedValue<I, T>(input: I, work: (input: I) => Work<T>, small: (input: I) => boolean): T | undefined {
  const now = small(input);
  const immediate = useMemo(() => (now ? drain(work(input)) : undefined), [now, work, input]);
  const [sliced, setSliced] = useState<{ input: I; value: T } | undefined>(undefined);
  const last = useRef<T | undefined>(undefined);

  useEffect(() => {
    if (now) return;
    const controller = new AbortController();
    void runInSlices(work(input), controller.signal).then((value) => {
      if (!controller.signal.aborted && value !== undefined) setSliced({ input, value });
    });
    return () => controller.abort();
  }, [now, work, input]);

  const value = now ? immediate : sliced?.input === input ? sliced.value : last.current;
  last.current = value;
  return value;
}
