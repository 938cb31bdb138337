import { useEffect, useState } from 'react';
import type { CustomElements } from 'stytch-mfa-elements/jsx';
import { line, signIn, type Session } from '../shared/session.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // What a React 19 app adds once: the kit's elements among JSX's own.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [shown, setShown] = useState(true);
  const [smsSent, setSmsSent] = useState(false);
  const [heard, setHeard] = useState<string[]>([]);
  const hear = (event: Event) => setHeard((before) => [...before, line(event)]);

  useEffect(() => {
    let current = true;
    void signIn().then((s) => current && setSession(s));
    return () => {
      current = false; // StrictMode runs effects twice: the first sign-in is dropped
    };
  }, []);

  if (!session) return <p>Signing in…</p>;
  return (
    <main>
      <button id="toggle" type="button" onClick={() => setShown(!shown)}>
        {shown ? 'Leave' : 'Come back'}
      </button>
      {shown && (
        <sms-otp-input
          client={session.client}
          authResponse={session.authResponse}
          enrollment="enroll"
          phone-number={session.phone}
          sms-sent={smsSent || undefined}
          onmfa-step={hear}
          onmfa-sms-sent={(event) => {
            setSmsSent(true);
            hear(event);
          }}
          onmfa-enrolled={hear}
          onmfa-authenticated={hear}
          onmfa-error={hear}
        />
      )}
      <ol id="heard">
        {heard.map((said, i) => (
          <li key={i}>{said}</li>
        ))}
      </ol>
    </main>
  );
}
