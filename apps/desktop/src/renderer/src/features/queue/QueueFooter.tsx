import { useTranslation } from 'react-i18next';

/** Under the list: how many rows it shows (of how many in the tab), and the main keys. */
export function QueueFooter(props: { shown: number; inTab: number; tick: boolean; acknowledge: boolean; take: boolean }) {
  const { t, i18n } = useTranslation('queue');
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR');
  const keys: [string, string, boolean][] = [
    ['j/k', t('keys.move'), true],
    ['↵', t('keys.open'), true],
    ['x', t('keys.tick'), props.tick],
    ['a', t('keys.ack'), props.acknowledge],
    ['t', t('keys.take'), props.take],
    ['/', t('keys.search'), true],
  ];
  return (
    <div className="q-footer">
      <span className="q-count" data-testid="queue-count" data-count={props.shown} aria-live="polite">
        {props.shown === props.inTab
          ? t('count', { count: props.shown, formatted: number.format(props.shown) })
          : t('countOf', { shown: number.format(props.shown), total: number.format(props.inTab) })}
      </span>
      <p className="q-keys" aria-label={t('keys.label')}>
        {keys
          .filter(([, , shown]) => shown)
          .map(([key, label], i) => (
            <span key={key}>
              {i > 0 && ' · '}
              <kbd>{key}</kbd> {label}
            </span>
          ))}
      </p>
    </div>
  );
}
