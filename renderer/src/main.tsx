import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useSamDeskStore } from './store';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

// Main's state is asked for before React draws its first frame, not after it.
void useSamDeskStore.getState().loadAppState();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
