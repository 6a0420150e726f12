import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared styles first, so a screen's own stylesheet (imported by its component) comes after them and wins ties.
import './styles.css';
import { captureToken } from './api';
import { App } from './App';

captureToken();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
