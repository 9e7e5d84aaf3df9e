import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { FEATURE_TEXTS } from './app/features';
import { readLaunchOptions } from './app/launch-options';
import { setupI18n } from './i18n/i18n';
import { createNativeServices } from './native';
import { useDesk } from './state/desk-store';
import './styles/app.css';

async function start(): Promise<void> {
  await setupI18n(FEATURE_TEXTS);
  const options = readLaunchOptions(window.location.search);
  const native = createNativeServices();
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <App native={native} options={options} />
    </StrictMode>,
  );
  await useDesk.getState().boot(options.profile, native);
}

void start();
