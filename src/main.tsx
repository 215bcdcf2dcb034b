import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

// The saved theme applies before the first paint, so a dark-theme visit never flashes white.
try {
  const saved = JSON.parse(localStorage.getItem('kubelab.ui') ?? 'null') as { state?: { theme?: unknown } } | null;
  const theme = saved?.state?.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset['theme'] = theme;
} catch {
  // unreadable settings: the light theme until the lab loads its own
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
