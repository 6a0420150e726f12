import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
// The shared styles first, so a screen's own stylesheet (imported by its component) comes after them and wins ties.
import './styles.css';
import { captureToken, getAccess, invoke } from './api';
import { App } from './App';
import { startLanguage } from './i18n';

/** The whole app is made again when the language changes, so every date, number and sorted list follows it. */
function Root() {
  const { i18n } = useTranslation();
  return <App key={i18n.language} />;
}

captureToken();
void startLanguage(async () => (getAccess() === 'ok' ? (await invoke('preferences.get', {})).language : null)).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
