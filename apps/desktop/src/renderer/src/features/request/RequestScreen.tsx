import type { ProtocolError, Request, RequestStep } from '@contact-desk/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import type { NativeServices } from '../../native/native-services';
import { useDesk } from '../../state/desk-store';
import { availableSteps, STEP_MUTATIONS } from './action-model';
import { ActionPanel, RequestRefusals } from './ActionPanel';
import { AnswerDialog } from './AnswerDialog';
import { EditDialog } from './EditDialog';
import { EscalationPanel } from './EscalationPanel';
import { FactsPanel } from './FactsPanel';
import { ItemsTable } from './ItemsTable';
import { OwnersPanel } from './OwnersPanel';
import { RequestHeader } from './RequestHeader';
import { SlaPanel } from './SlaPanel';
import { isTextStep, TextStepDialog } from './TextStepDialog';
import { Timeline } from './Timeline';
import { useLastAction } from './use-last-action';
import { useRequestEvents } from './use-request-events';
import '../../styles/request.css';

export function RequestScreen({ requestId }: { requestId: string; native: NativeServices }) {
  const { t } = useTranslation('request');
  const request = useDesk((state) => state.view.requests.get(requestId));
  const go = useNavigation((state) => state.go);
  if (request) return <RequestDetail request={request} />;
  return (
    <section className="rq-screen" aria-labelledby="rq-missing" data-testid="request-missing">
      <div className="rq-missing">
        <h1 id="rq-missing">{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <RequestRefusals requestId={requestId} />
        <button type="button" className="kit-button" onClick={() => go({ screen: 'queue' })}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

/** The open dialog: a step that asks for more than a click, with the hint it was opened with. */
interface OpenDialog {
  readonly step: RequestStep;
  readonly hint?: string;
}

function RequestDetail({ request }: { request: Request }) {
  const role = useDesk((state) => state.sync.actor?.role);
  const perform = useDesk((state) => state.perform);
  const events = useRequestEvents(request.id);
  const { outcome, track } = useLastAction(events);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [error, setError] = useState<ProtocolError | null>(null);

  const start = (step: RequestStep, hint?: string) => {
    setError(null);
    track(null);
    if (step !== 'acknowledge') return setDialog(hint === undefined ? { step } : { step, hint });
    void perform('request.acknowledge', { requestId: request.id }).then((result) =>
      result.ok ? track({ mutationId: result.mutationId, type: 'request.acknowledge' }) : setError(result.error),
    );
  };
  const closed = (mutationId: string | null) => {
    if (mutationId !== null && dialog) track({ mutationId, type: STEP_MUTATIONS[dialog.step] });
    setDialog(null);
  };

  return (
    <section className="rq-screen" aria-labelledby="rq-title" data-testid="request-screen">
      <RequestHeader request={request} />
      <div className="rq-grid">
        <div className="rq-main">
          <FactsPanel request={request} />
          <ActionPanel
            request={request}
            steps={availableSteps(role, request)}
            readOnly={role === 'observer'}
            onStep={start}
            error={error}
            outcome={outcome}
          />
          <ItemsTable request={request} />
          <Timeline request={request} events={events} />
        </div>
        <aside className="rq-side">
          <SlaPanel request={request} />
          <OwnersPanel request={request} events={events} onAction={(mutationId) => track({ mutationId, type: 'request.assign' })} />
          <EscalationPanel request={request} onEscalate={(hint) => start('escalate', hint)} />
        </aside>
      </div>
      {dialog?.step === 'answer' ? <AnswerDialog request={request} onClose={closed} /> : null}
      {dialog?.step === 'edit' ? <EditDialog request={request} onClose={closed} /> : null}
      {dialog && isTextStep(dialog.step) ? (
        <TextStepDialog request={request} step={dialog.step} hint={dialog.hint} onClose={closed} />
      ) : null}
    </section>
  );
}
