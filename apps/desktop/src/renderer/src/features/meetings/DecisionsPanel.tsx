import type { Meeting } from '@contact-desk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../state/desk-store';
import { CountedPanel } from './CountedPanel';
import { DecisionForm } from './DecisionForm';
import { DecisionRow } from './DecisionRow';
import { usePartyNames } from './MeetingForm';
import { PendingMarker } from '../common/PendingMarker';
import { decisionsOf } from './meeting-model';
import { useAllowed } from './useAllowed';

export function DecisionsPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('meetings');
  const view = useDesk((s) => s.view);
  const allowed = useAllowed(meeting);
  const { platformName } = usePartyNames();
  const decisions = useMemo(() => decisionsOf(view, meeting.id), [view, meeting.id]);

  return (
    <CountedPanel
      section="decisions"
      testId="meeting-decisions"
      count={decisions.length}
      list={() => (
        <ol className="mt-decisions">
          {decisions.map((decision) => {
            const item = decision.agendaItemId ? view.meetingRecords.get(decision.agendaItemId) : undefined;
            return (
              <DecisionRow key={decision.id} decision={decision} editable={allowed('decision.update')}>
                <div className="mt-item-tags">
                  {decision.platformId && <span className="mt-tag mt-tag-platform">{platformName(decision.platformId)}</span>}
                  {item && item.type === 'agendaItem' && <span className="mt-tag">{t('decisions.about', { title: item.title })}</span>}
                  <PendingMarker id={decision.id} />
                </div>
              </DecisionRow>
            );
          })}
        </ol>
      )}
    >
      {allowed('decision.add') && <DecisionForm meeting={meeting} />}
    </CountedPanel>
  );
}
