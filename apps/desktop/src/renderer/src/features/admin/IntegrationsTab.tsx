import { ApiKeysPanel } from './ApiKeysPanel';
import { WebhooksPanel } from './WebhooksPanel';

/** How the platforms' own tools, and the ministry's, hear from the desk and act on it. */
export function IntegrationsTab() {
  return (
    <>
      <WebhooksPanel />
      <ApiKeysPanel />
    </>
  );
}
