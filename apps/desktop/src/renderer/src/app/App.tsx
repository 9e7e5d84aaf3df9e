import { useEffect } from 'react';
import { AdminScreen } from '../features/admin/AdminScreen';
import { useAlerts } from '../features/alerts/use-alerts';
import { CreateRequestScreen } from '../features/create/CreateRequestScreen';
import { EnrollScreen } from '../features/enroll/EnrollScreen';
import { ExportsScreen } from '../features/exports/ExportsScreen';
import { CampaignScreen } from '../features/campaigns/CampaignScreen';
import { CampaignsScreen } from '../features/campaigns/CampaignsScreen';
import { FiguresScreen } from '../features/figures/FiguresScreen';
import { MeetingScreen } from '../features/meetings/MeetingScreen';
import { MeetingsScreen } from '../features/meetings/MeetingsScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { RequestScreen } from '../features/request/RequestScreen';
import { AppShell } from '../features/shell/AppShell';
import type { NativeServices } from '../native/native-services';
import { useDesk } from '../state/desk-store';
import type { LaunchOptions } from './launch-options';
import { useNavigation } from './navigation';
import { NativeServicesContext } from './native-services-context';

export function App({ native, options }: { native: NativeServices; options: LaunchOptions }) {
  const phase = useDesk((state) => state.phase);
  const route = useNavigation((state) => state.route);
  useAlerts(native);
  useEffect(() => {
    document.title = 'Contact Desk';
  }, []);
  if (phase === 'loading') return <div className="boot" aria-busy="true" />;
  if (phase === 'enroll') return <EnrollScreen options={options} />;
  return (
    <NativeServicesContext.Provider value={native}>
      <AppShell native={native}>
        {route.screen === 'queue' && <QueueScreen />}
        {route.screen === 'request' && <RequestScreen requestId={route.requestId} native={native} />}
        {route.screen === 'create' && <CreateRequestScreen />}
        {route.screen === 'admin' && <AdminScreen />}
        {route.screen === 'meetings' && <MeetingsScreen />}
        {route.screen === 'meeting' && <MeetingScreen meetingId={route.meetingId} />}
        {route.screen === 'exports' && <ExportsScreen />}
        {route.screen === 'figures' && <FiguresScreen />}
        {route.screen === 'campaigns' && <CampaignsScreen />}
        {route.screen === 'campaign' && <CampaignScreen campaignId={route.campaignId} />}
      </AppShell>
    </NativeServicesContext.Provider>
  );
}
