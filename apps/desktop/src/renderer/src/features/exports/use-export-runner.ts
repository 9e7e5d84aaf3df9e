import { useCallback, useState } from 'react';
import { useNativeServices } from '../../app/native-services-context';

export interface ExportFile {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface ExportRunner {
  readonly busy: string | null;
  readonly progress: number | null;
  readonly error: string | null;
  readonly saved: string | null;
  run(label: string, build: (onProgress: (done: number, total: number) => void) => Promise<ExportFile>): Promise<void>;
}

/**
 * Builds an export without freezing the screen (the builders yield to the event loop and report
 * progress), then saves it through the native dialog or a browser download.
 */
export function useExportRunner(): ExportRunner {
  const native = useNativeServices();
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = useCallback<ExportRunner['run']>(
    async (label, build) => {
      setBusy(label);
      setError(null);
      setSaved(null);
      setProgress(null);
      try {
        const file = await build((done, total) => setProgress(total > 0 ? done / total : null));
        const ok = await native.saveFile(file.name, file.mimeType, file.bytes);
        if (ok) setSaved(file.name);
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      } finally {
        setBusy(null);
        setProgress(null);
      }
    },
    [native],
  );
  return { busy, progress, error, saved, run };
}
