import { newId, type PreviewRequest } from '@contact-desk/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { usePerformForm } from '../common/use-perform-form';
import { RefusalNote } from '../common/RefusalNote';
import { validateSending } from './create-validation';
import { PastePanel } from './PastePanel';
import { RequestFieldsPanel } from './RequestFieldsPanel';
import { createArgs, itemsPerPlatform, type EntryState, type SendRun } from './send-model';
import { SendReport } from './SendReport';
import { usePaste } from './use-paste';
import { useRequestFields } from './use-request-fields';
import { useEntryStates, useSending } from './use-sending';
import '../../styles/kit.css';
import '../../styles/create.css';
import { translateWith } from '../common/refusal-wording';

/** The items of the requests of a sending that were refused, to be sent again. */
function refusedItems(run: SendRun | null, states: readonly EntryState[]): string[] {
  return (run?.entries ?? []).filter((_, index) => states[index]?.kind === 'refused').flatMap((entry) => entry.items);
}

/** Brings the first thing to fix into view, with the focus on it (or on its section's first control). */
function focusFirstProblem(form: HTMLFormElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"], .cr-aside .kit-field-error');
  const target = first?.matches('[aria-invalid="true"]')
    ? first
    : first?.closest('section')?.querySelector<HTMLElement>('select:not(:disabled), input, button');
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}

/**
 * A new request, or as many as a pasted list needs: one per platform by its domains, in parts
 * over the per-request limit. One request opens its screen once queued, as before; several are
 * sent in one click and followed on a report, each with the reference the relay gives it.
 */
export function CreateRequestScreen() {
  const { t } = useTranslation('create');
  const role = useDesk((state) => state.sync.actor?.role);
  const levels = useDesk((state) => state.view.policy.levels);
  const go = useNavigation((state) => state.go);
  const { busy, error, setError, perform } = usePerformForm();
  const { fields, set } = useRequestFields(levels);
  const paste = usePaste();
  const sending = useSending();
  const states = useEntryStates(sending.run);
  // Once a sending was attempted, what keeps it from going is said as the form changes.
  const [attempted, setAttempted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  if (role !== 'prefect' && role !== 'operator') {
    return (
      <section className="kit-screen" aria-labelledby="cr-title">
        <h1 id="cr-title">{t('title')}</h1>
        <p className="kit-panel" data-testid="create-forbidden">
          {t('forbidden')}
        </p>
      </section>
    );
  }

  const { plan } = paste;
  const totals = itemsPerPlatform(plan.requests);
  const noteOf = (request: PreviewRequest) =>
    request.parts > 1 ? t('partNote', { part: request.part, parts: request.parts, count: totals.get(request.platformId) ?? 0 }) : null;

  const longestNote = plan.requests.map((request) => noteOf(request) ?? '').reduce((a, b) => (b.length > a.length ? b : a), '');
  const found = validateSending(fields, plan, paste.confirmOpen, longestNote, translateWith(t));
  const errors = attempted ? found : {};

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setAttempted(true);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstProblem(formRef.current));
      return;
    }
    const [only] = plan.requests;
    if (only && plan.requests.length === 1) {
      const requestId = newId();
      await perform('request.create', createArgs(requestId, fields, only, null), () => go({ screen: 'request', requestId }));
      return;
    }
    const context = { fields, leftOut: plan.pasted - plan.preview.repeated.length - plan.items, repeated: plan.preview.repeated.length };
    await sending.send(plan.requests, context, (request, requestId) => createArgs(requestId, fields, request, noteOf(request)));
  };

  const again = (text: string) => {
    paste.replace(text);
    setAttempted(false);
    sending.reset();
  };
  const retry = () => again(refusedItems(sending.run, states).join('\n'));
  const newList = () => {
    paste.setPlatformId('');
    again('');
  };

  return (
    <section className="kit-screen cr-screen" aria-labelledby="cr-title">
      <h1 id="cr-title">{t('title')}</h1>
      {sending.run ? (
        <SendReport
          run={sending.run}
          states={states}
          platformOf={paste.platformOf}
          onRetry={retry}
          onNewList={newList}
          onQueue={() => go({ screen: 'queue' })}
        />
      ) : (
        <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="create-form">
          <div className="cr-layout">
            <RequestFieldsPanel fields={fields} set={set} errors={errors} />
            <PastePanel paste={paste} errors={errors} />
          </div>
          <RefusalNote error={error} testId="create-error" />
          <div className="kit-form-buttons">
            <button type="button" className="kit-button" onClick={() => go({ screen: 'queue' })}>
              {t('cancel')}
            </button>
            <button
              type="submit"
              className="kit-button kit-button-primary"
              disabled={busy}
              data-testid="create-submit"
              data-requests={plan.requests.length}
            >
              {t('submit', { count: Math.max(1, plan.requests.length) })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
