import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { FEATURE_TEXTS } from './app/features';
import { readLaunchOptions } from './app/launch-options';
import { setupI18n } from './i18n/i18n';
import { createPlatform } from './platform';
import { useDesk } from './state/desk-store';
import './styles/app.css';

async function start(): Promise<void> {
  await setupI18n(FEATURE_TEXTS);
  const options = readLaunchOptions(window.location.search);
  const platform = createPlatform();
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <App platform={platform} options={options} />
    </StrictMode>,
  );
  await useDesk.getState().boot(options.profile, platform);
}

void start();
