import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { userManager } from './lib/auth/user-manager.ts';
import { CONSOLE_PATHS, type ConsoleConfig } from './lib/generated/console-config.ts';
import './styles.css';

/** Settings come from the server the console is served by, so one build runs everywhere. */
const config = (await (await fetch(CONSOLE_PATHS.config)).json()) as ConsoleConfig;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={config} manager={userManager(config)} />
  </StrictMode>,
);
