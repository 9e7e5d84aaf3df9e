import type { ProtocolError, Request, RequestStep } from '@contact-desk/shared';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { RefusalNote } from '../common/RefusalNote';
import { formatTime } from '../common/format';
import { actionNameKey, DANGER_STEPS, refusalsOf, type ActionOutcome } from './action-model';
import { translateWith } from '../common/refusal-wording';

function stepClass(step: RequestStep, first: boolean): string {
  if (DANGER_STEPS.includes(step)) return 'kit-button kit-button-danger-outline';
  return first ? 'kit-button kit-button-primary' : 'kit-button';
}

/** The refusals attached to a request, each worded in full with what was refused, until dismissed. */
export function RequestRefusals({ requestId }: { requestId: string }) {
  const { t } = useTranslation('request');
  const rejections = useDesk((state) => state.rejections);
  const dismiss = useDesk((state) => state.dismissRejection);
  return (
    <>
      {refusalsOf(requestId, rejections).map((rejection) => (
        <RefusalNote
          key={rejection.mutationId}
          error={rejection.error}
          testId="request-refusal"
          title={t('refused.title', { action: t(`actionName.${actionNameKey(rejection.type)}`, { defaultValue: t('actionName.other') }) })}
          onDismiss={() => dismiss(rejection.mutationId)}
        />
      ))}
    </>
  );
}

/** Where the user's last action stands: waiting on the device, or recorded at the relay's time. */
function OutcomeNotice({ outcome, refused }: { outcome: ActionOutcome; refused: boolean }) {
  const { t, i18n } = useTranslation('request');
  // The action's name is keyed by its mutation type, which only the texts test can follow.
  const actionName = (type: string) => translateWith(t)(`actionName.${actionNameKey(type)}`);
  if (outcome.state === 'waiting') {
    return (
      <p className="kit-notice kit-notice-waiting" role="status" data-testid="action-outcome" data-state="waiting">
        {t('outcome.waiting', { action: actionName(outcome.type) })}
      </p>
    );
  }
  // A refusal on this request replaces any success notice: the user must not read both.
  if (outcome.state !== 'recorded' || refused) return null;
  return (
    <p className="kit-notice" role="status" data-testid="action-outcome" data-state="recorded">
      {t('outcome.recorded', { time: formatTime(outcome.at, i18n.language, true), action: actionName(outcome.type) })}
    </p>
  );
}

/** The role's steps for this request, what became of the last one, and the refusals attached to it. */
export function ActionPanel({
  request,
  steps,
  readOnly,
  onStep,
  error,
  outcome,
}: {
  request: Request;
  steps: readonly RequestStep[];
  readOnly: boolean;
  onStep: (step: RequestStep) => void;
  /** A refusal decided at once on this device (the relay would refuse the same). */
  error: ProtocolError | null;
  outcome: ActionOutcome;
}) {
  const { t } = useTranslation('request');
  const refused = useDesk((state) => refusalsOf(request.id, state.rejections).length > 0);
  return (
    <section className="kit-panel rq-actions" aria-labelledby="rq-actions-title">
      <h2 id="rq-actions-title" className="kit-panel-title">
        {t('actions.title')}
      </h2>
      {readOnly ? (
        <p className="kit-muted" data-testid="read-only">
          {t('actions.readOnly')}
        </p>
      ) : steps.length === 0 ? (
        <p className="kit-muted">{t('actions.noneNow')}</p>
      ) : (
        <div className="rq-action-buttons">
          {steps.map((step, index) => (
            <button
              key={step}
              type="button"
              className={stepClass(step, index === 0)}
              data-testid={`action-${step}`}
              onClick={() => onStep(step)}
            >
              {t(`actions.${step}`)}
            </button>
          ))}
        </div>
      )}
      <RefusalNote error={error} testId="action-error" />
      <RequestRefusals requestId={request.id} />
      <OutcomeNotice outcome={outcome} refused={refused} />
    </section>
  );
}
