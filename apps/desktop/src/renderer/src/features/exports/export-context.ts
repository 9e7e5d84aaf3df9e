import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { userTimeZone } from '../common/format';
import type { ExportContext } from './export-data';

/**
 * Language, time zone, log position and relay time for an export made now; the same function
 * until the language changes, so that what is computed from it is not recomputed at every render.
 */
export function useExportContext(): () => ExportContext {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return useCallback(() => {
    const { sync, relayNow } = useDesk.getState();
    return { language, timeZone: userTimeZone(), lastSeq: sync.cursor, headHash: sync.cursorHash, now: relayNow() };
  }, [language]);
}
