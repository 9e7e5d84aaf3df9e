import { newId } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePerformForm } from '../common/use-perform-form';
import { RefusalNote } from '../common/RefusalNote';
import { Field } from '../common/Field';

/** A shared comment, or (for the ministry) a ministry-only note. */
export function CommentComposer({ requestId, ministry }: { requestId: string; ministry: boolean }) {
  const { t } = useTranslation('request');
  const { busy, error, setError, perform } = usePerformForm();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'ministry'>('shared');
  const [fieldError, setFieldError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (body.trim().length === 0) {
      setFieldError(t('forms.required'));
      return;
    }
    setFieldError(null);
    await perform(
      'comment.add',
      {
        commentId: newId(),
        requestId,
        body: body.trim(),
        visibility: ministry ? visibility : 'shared',
      },
      () => setBody(''),
    );
  };

  return (
    <form className="rq-composer" onSubmit={(event) => void submit(event)} aria-label={t('comment.title')} data-testid="comment-form">
      <h3 className="rq-label">{t('comment.title')}</h3>
      <Field label={t('comment.body')} error={fieldError}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={3}
            value={body}
            maxLength={10_000}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="comment-body"
            onChange={(event) => setBody(event.target.value)}
          />
        )}
      </Field>
      <div className="rq-composer-row">
        {ministry ? (
          <fieldset className="kit-radios">
            <legend>{t('comment.visibility')}</legend>
            <label>
              <input
                type="radio"
                name={`visibility-${requestId}`}
                checked={visibility === 'shared'}
                onChange={() => setVisibility('shared')}
                data-testid="comment-shared"
              />{' '}
              {t('comment.shared')}
            </label>
            <label>
              <input
                type="radio"
                name={`visibility-${requestId}`}
                checked={visibility === 'ministry'}
                onChange={() => setVisibility('ministry')}
                data-testid="comment-ministry"
              />{' '}
              {t('comment.ministry')}
            </label>
          </fieldset>
        ) : (
          <span />
        )}
        <button type="submit" className="kit-button kit-button-primary" disabled={busy} data-testid="action-comment">
          {t('comment.send')}
        </button>
      </div>
      <RefusalNote error={error} testId="comment-error" />
    </form>
  );
}
