import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { wordRefusal, translateWith } from '../common/refusal-wording';
import { usePopover } from '../common/use-popover';

/**
 * Refused changes, compactly: a count in the shell that opens a list linking to each request
 * concerned (where the refusal is shown in full, beside the request). A refused change about no
 * request (administration, meetings), or about a request that was never created, is worded here.
 */
export function RefusalCount() {
  const { t } = useTranslation(['shell', 'common']);
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
              // A request the user sees: the refusal is worded there. Else (a request that was
              // never created, a change about no request) it is worded here.
              const request = rejection.requestId === null ? undefined : requests.get(rejection.requestId);
              return (
                <li key={rejection.mutationId} data-testid="refusal-item">
                  {request ? (
                    <button
                      type="button"
                      className="kit-link-button"
                      data-testid="refusal-link"
                      onClick={() => {
                        close();
                        go({ screen: 'request', requestId: request.id });
                      }}
                    >
                      {t('refusals.open', { ref: request.ref })}
                    </button>
                  ) : (
                    <>
                      <span>{wordRefusal(rejection.error, translateWith(t))}</span>
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
