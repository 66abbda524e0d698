import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { restoreSession } from './features/auth/api/refresh-session';
import './styles.css';

// Restore the session from the refresh cookie before anything asks for data.
void restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('Fant ikke #root i index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
