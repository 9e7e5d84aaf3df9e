import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { wordRefusal } from '../common/refusal-wording';
import { usePopover } from './use-popover';

/**
 * Refused changes, compactly: a count in the shell that opens a list linking to each request
 * concerned (where the refusal is shown in full, beside the request). A refused change that is
 * about no request (administration, meetings) is worded here, and dismissed here.
 */
export function RefusalCount() {
  const { t } = useTranslation('shell');
  const rejections = useDesk((s) => s.rejections);
  const requests = useDesk((s) => s.view.requests);
  const dismiss = useDesk((s) => s.dismissRejection);
  const go = useNavigation((s) => s.go);
  const { open, toggle, close, ref } = usePopover<HTMLDivElement>();
  if (rejections.length === 0) return null;
  return (
    <div className="shell-popover-anchor refusal-count" ref={ref}>
      <button
        type="button"
        className="refusal-count-button"
        aria-expanded={open}
        aria-controls="refusal-list"
        data-testid="refusal-count"
        data-count={rejections.length}
        onClick={toggle}
      >
        {t('refusals.count', { count: rejections.length })}
      </button>
      {open ? (
        <div id="refusal-list" className="shell-popover refusal-list" data-testid="refusal-list">
          <h2 className="shell-popover-title">{t('refusals.label')}</h2>
          <ul>
            {rejections.map((rejection) => {
              const ref = rejection.requestId === null ? null : (requests.get(rejection.requestId)?.ref ?? t('refusals.aRequest'));
              return (
                <li key={rejection.mutationId} data-testid="refusal-item">
                  {rejection.requestId !== null ? (
                    <button
                      type="button"
                      className="kit-link-button"
                      data-testid="refusal-link"
                      onClick={() => {
                        close();
                        if (rejection.requestId !== null) go({ screen: 'request', requestId: rejection.requestId });
                      }}
                    >
                      {t('refusals.open', { ref })}
                    </button>
                  ) : (
                    <>
                      <span>{wordRefusal(rejection.error, t)}</span>
                      <button type="button" className="kit-button kit-button-small" onClick={() => dismiss(rejection.mutationId)}>
                        {t('common:refusalDismiss')}
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
