import { LIMITS, type MutationType, type Request } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../common/FormButtons';
import { usePerformForm } from '../common/use-perform-form';
import { Dialog } from '../common/Dialog';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';

export type TextStep = 'requestInfo' | 'provideInfo' | 'contest' | 'withdraw' | 'close' | 'reopen' | 'escalate';

const TEXT_STEPS: Record<TextStep, { type: MutationType; field: string; optional?: boolean }> = {
  requestInfo: { type: 'request.requestInfo', field: 'question' },
  provideInfo: { type: 'request.provideInfo', field: 'answer' },
  contest: { type: 'request.contest', field: 'reason' },
  withdraw: { type: 'request.withdraw', field: 'reason' },
  close: { type: 'request.close', field: 'note', optional: true },
  reopen: { type: 'request.reopen', field: 'reason' },
  escalate: { type: 'request.escalate', field: 'note' },
};

export function isTextStep(step: string): step is TextStep {
  return Object.hasOwn(TEXT_STEPS, step);
}

/** A step that takes one text (a question, a reason, a note); `onClose` gets the queued mutation's id. */
export function TextStepDialog({
  request,
  step,
  hint,
  onClose,
}: {
  request: Request;
  step: TextStep;
  /** Replaces the step's usual hint (the escalation says where it goes). */
  hint?: string;
  onClose: (mutationId: string | null) => void;
}) {
  const { t } = useTranslation(['request', 'common']);
  const { busy, error, perform } = usePerformForm();
  const config = TEXT_STEPS[step];
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!config.optional && value.length === 0) return setFieldError(t('forms.required'));
    if (value.length > LIMITS.textLength) return setFieldError(t('forms.tooLong', { max: LIMITS.textLength }));
    setFieldError(null);
    await perform(config.type, { requestId: request.id, [config.field]: value.length > 0 ? value : null }, (queued) =>
      onClose(queued.mutationId),
    );
  };
  const shownHint = hint ?? t(`forms.${step}.hint`);
  return (
    <Dialog title={`${t(`forms.${step}.title`)} — ${request.ref}`} onClose={() => onClose(null)} testId={`dialog-${step}`}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t(`forms.${step}.field`)} hint={shownHint || undefined} error={fieldError} required={!config.optional}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={5}
              autoFocus
              value={text}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid={`${step}-text`}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        <RefusalNote error={error} />
        <FormButtons
          busy={busy}
          onCancel={() => onClose(null)}
          testId={`submit-${step}`}
          label={t('common:actions.confirm')}
          danger={step === 'withdraw' || step === 'contest'}
        />
      </form>
    </Dialog>
  );
}
