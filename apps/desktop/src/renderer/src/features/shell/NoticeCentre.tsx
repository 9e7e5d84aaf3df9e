import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { activeNotices, type Notice } from '../alerts/notice-model';
import { useNotices } from '../alerts/notice-store';
import { noticeTime, noticeWords } from '../alerts/notice-words';
import { usePopover } from '../common/use-popover';
import { translateWith } from '../common/refusal-wording';

function NoticeEntry({ notice, onOpen }: { notice: Notice; onOpen: (requestId: string) => void }) {
  const { t, i18n } = useTranslation('shell');
  const dismiss = useNotices((s) => s.dismiss);
  const words = noticeWords(notice, translateWith(t), i18n.language);
  return (
    <li
      className={`notice notice-${notice.kind}`}
      data-testid="notice"
      data-kind={notice.kind}
      data-why={notice.why}
      data-request={notice.requestId ?? ''}
    >
      <strong className="notice-title">{words.title}</strong>
      <p className="notice-body">{words.body}</p>
      <div className="notice-foot">
        <span className="notice-why">
          <time dateTime={new Date(notice.at).toISOString()}>{noticeTime(notice, i18n.language)}</time> · {words.why}
        </span>
        <span className="notice-actions">
          {notice.requestId !== null ? (
            <button type="button" className="kit-link-button" data-testid="notice-open" onClick={() => onOpen(notice.requestId ?? '')}>
              {t('notices.open')}
            </button>
          ) : null}
          <button
            type="button"
            className="kit-button kit-button-small"
            data-testid="notice-dismiss"
            onClick={() => dismiss(new Set([notice.id]))}
          >
            {t('notices.dismiss')}
          </button>
        </span>
      </div>
    </li>
  );
}

/**
 * The notification centre: missed deadlines, escalations and (for the prefect) messages the
 * relay gave up sending, kept until dismissed — across reloads, per profile.
 */
export function NoticeCentre() {
  const { t } = useTranslation('shell');
  const book = useNotices((s) => s.book);
  const dismiss = useNotices((s) => s.dismiss);
  const go = useNavigation((s) => s.go);
  const { open, toggle, close, ref } = usePopover<HTMLDivElement>();
  const notices = activeNotices(book);
  const openRequest = (requestId: string) => {
    close();
    go({ screen: 'request', requestId });
  };
  return (
    <div className="shell-popover-anchor" ref={ref}>
      <button
        type="button"
        className={notices.length > 0 ? 'shell-bell shell-bell-on' : 'shell-bell'}
        aria-expanded={open}
        aria-controls="notice-centre"
        aria-label={t('notices.button', { count: notices.length })}
        data-testid="notice-centre-button"
        data-count={notices.length}
        onClick={toggle}
      >
        <svg className="shell-bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {notices.length > 0 ? <span className="shell-bell-count">{notices.length}</span> : null}
      </button>
      {open ? (
        <div id="notice-centre" className="shell-popover notice-centre" data-testid="notice-centre">
          <div className="notice-centre-head">
            <h2 className="shell-popover-title">{t('notices.title')}</h2>
            {notices.length > 1 ? (
              <button type="button" className="kit-button kit-button-small" data-testid="notice-dismiss-all" onClick={() => dismiss('all')}>
                {t('notices.dismissAll')}
              </button>
            ) : null}
          </div>
          {notices.length === 0 ? (
            <p className="kit-muted" data-testid="notice-empty">
              {t('notices.empty')}
            </p>
          ) : (
            <ol className="notice-list">
              {notices.map((notice) => (
                <NoticeEntry key={notice.id} notice={notice} onOpen={openRequest} />
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </div>
  );
}
