// The UI's Chinese font ships with the app (Noto Sans SC, SIL OFL), so every PC and every test
// shows the same screens, fonts-noto-cjk or not. Fontsource splits it by unicode-range: a page
// downloads only the slices whose characters it shows.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';

// Any schema message the contract does not spell out itself still reaches the clerk in Chinese.
z.config(z.locales.zhCN());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
