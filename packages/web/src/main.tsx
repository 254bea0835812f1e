import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig } from './api/runtime-config.ts';
import { App } from './app.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  const config = await loadRuntimeConfig();
  createRoot(root).render(
    <StrictMode>
      <App apiBaseUrl={config.apiBaseUrl} />
    </StrictMode>,
  );
}
