import { MeetingExports } from '../exports/MeetingExports';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDesk } from '../../state/desk-store';
import { ActionItemsPanel } from './ActionItemsPanel';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { DecisionsPanel } from './DecisionsPanel';
import { MeetingHeader } from './MeetingHeader';
import { MinutesPanel } from './MinutesPanel';
import '../../styles/kit.css';
import '../../styles/meetings.css';

export function MeetingScreen({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const record = useDesk((s) => s.view.meetingRecords.get(meetingId));
  const go = useNavigation((s) => s.go);
  const back = (
    <a
      className="mt-back"
      href="#/meetings"
      data-testid="meetings-back"
      onClick={(e) => {
        e.preventDefault();
        go({ screen: 'meetings' });
      }}
    >
      ← {t('back')}
    </a>
  );
  if (!record || record.type !== 'meeting') {
    return (
      <div className="kit-screen mt-screen" data-testid="meeting-screen">
        {back}
        <p className="kit-muted" role="status" data-testid="meeting-not-found">
          {t('notFound')}
        </p>
      </div>
    );
  }
  return (
    <div className="kit-screen mt-screen" data-testid="meeting-screen" data-meeting-id={record.id}>
      {back}
      <MeetingHeader meeting={record} />
      <div className="mt-columns">
        <div className="mt-main">
          <AgendaPanel meeting={record} />
          <DecisionsPanel meeting={record} />
          <ActionItemsPanel meeting={record} />
        </div>
        <div className="mt-side">
          <MinutesPanel meeting={record} />
          <AttendancePanel meeting={record} />
          <section className="kit-panel mt-exports" data-testid="meeting-exports" aria-labelledby="mt-exports-title">
            <h2 id="mt-exports-title" className="kit-panel-title">
              {t('exports.title')}
            </h2>
            <MeetingExports meetingId={record.id} />
          </section>
        </div>
      </div>
    </div>
  );
}
