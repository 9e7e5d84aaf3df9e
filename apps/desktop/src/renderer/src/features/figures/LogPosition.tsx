import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';

/** Characters of the head hash shown (as in the exports' file names); the whole hash is in the title. */
const SHORT_HASH = 12;

/** The log position and the relay time the figures were computed at, and what that instant means. */
export function LogPosition({ seq, hash, at }: { seq: number; hash: string | null; at: number }) {
  const { t, i18n } = useTranslation('figures');
  return (
    <div className="fg-position" data-testid="figures-position" data-seq={seq}>
      <p className="fg-position-line">
        <span className="fg-position-label">{t('position.label')}</span> <span data-testid="figures-seq">{t('position.seq', { seq })}</span>
        {hash && (
          <>
            {' · '}
            <code className="fg-hash" title={t('position.hashTitle', { hash })} data-testid="figures-hash" data-hash={hash}>
              <span aria-hidden="true">{hash.slice(0, SHORT_HASH)}</span>
              <span className="kit-visually-hidden">{t('position.hashTitle', { hash })}</span>
            </code>
          </>
        )}
        {' · '}
        {t('position.asOf')}{' '}
        <time dateTime={new Date(at).toISOString()} data-testid="figures-at">
          {formatDateTime(at, i18n.language, true, true)}
        </time>{' '}
        ({t('position.relayTime')})
      </p>
      <p className="kit-hint">{t('position.rule')}</p>
    </div>
  );
}
