import type { FiguresInput } from '@contact-desk/exports';
import { useEffect, useRef, useState } from 'react';
import { startExportWorker, type ExportReply, type ExportRequest } from './export-job';

/**
 * The figures chart as an image address, drawn by an export worker kept while the screen is
 * open: the library is loaded once however often the figures change (a period picked, a sync
 * applied), and only the drawing of the latest figures is shown.
 */
export function useFiguresChart(figures: FiguresInput | null): string | null {
  const [chart, setChart] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!figures) return;
    const drawer = (worker.current ??= startExportWorker());
    const id = ++latest.current;
    drawer.onmessage = (message: MessageEvent<ExportReply>) => {
      const reply = message.data;
      if (reply.id !== latest.current || reply.type !== 'done') return;
      setChart(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(new TextDecoder().decode(reply.file.bytes))}`);
    };
    drawer.postMessage({ id, job: { kind: 'figures-svg', input: figures } } satisfies ExportRequest);
  }, [figures]);

  return chart;
}
