import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'stytch-mfa-elements/sms-otp-input';
import { App } from './App.js';

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
