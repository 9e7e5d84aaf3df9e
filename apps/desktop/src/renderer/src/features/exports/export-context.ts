import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { userTimeZone } from '../common/format';
import type { ExportContext } from './export-data';

/** Language, time zone, log position and relay time for an export made now. */
export function useExportContext(): () => ExportContext {
  const { i18n } = useTranslation();
  return () => {
    const { sync, relayNow } = useDesk.getState();
    return {
      language: i18n.language === 'en' ? 'en' : 'fr',
      timeZone: userTimeZone(),
      lastSeq: sync.cursor,
      headHash: sync.cursorHash,
      now: relayNow(),
    };
  };
}
