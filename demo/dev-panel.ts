// The demo's dev phone, inbox and authenticator, and the emulator's controls: what a person needs to
// finish any sign-in without curl. The outboxes are read every second from the emulator's dev routes;
// TOTP codes are computed in the page (otpauth) for the emulator's clock.
import { textElement as el, totpCode } from './dom.js';

interface Message {
  to: string;
  sent_at: string;
}
interface Sms extends Message {
  body: string;
  code: string;
}
interface Email extends Message {
  subject: string;
  link: string;
}
interface SeedMember {
  email_address: string;
  totp_secret: string;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function dev<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/__emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function item(...children: (Node | string)[]): HTMLLIElement {
  const li = document.createElement('li');
  li.append(...children);
  return li;
}

function copyButton(text: string, label: string): HTMLButtonElement {
  const button = el('button', 'Copy', 'secondary small');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.addEventListener('click', () => {
    void navigator.clipboard.writeText(text).then(
      () => (button.textContent = 'Copied'),
      () => (button.textContent = 'Copy failed'),
    );
  });
  return button;
}

/** Replaces a list's items only when what it shows changed (so focus and copy buttons stay put). */
function show(list: HTMLElement, key: string, items: () => HTMLLIElement[], empty: string): void {
  if (list.dataset.key === key) return;
  list.dataset.key = key;
  const rows = items();
  list.replaceChildren(...(rows.length ? rows : [item(el('span', empty, 'muted'))]));
}

let offsetSeconds = 0;
const authenticators: { label: string; secret: string }[] = [];

function renderAuthenticator(): void {
  const now = Date.now() + offsetSeconds * 1000;
  const left = 30 - (Math.floor(now / 1000) % 30);
  const rows = authenticators.map(({ label, secret }) => {
    const code = totpCode(secret, now);
    const li = item(el('span', label, 'to'), el('code', code, 'code'), el('span', `${left} s`, 'muted'));
    li.dataset.totpFor = label;
    li.append(copyButton(code, `Copy the code for ${label}`));
    return li;
  });
  // Redrawn each second for the countdown, keyed by the codes so the buttons survive in between.
  const list = byId<HTMLUListElement>('authenticator');
  const key = `${rows.map((r) => r.querySelector('code')!.textContent).join()}|${left}`;
  if (list.dataset.key !== key) {
    list.dataset.key = key;
    list.replaceChildren(...rows);
  }
}

async function refresh(): Promise<void> {
  const [sms, email, clock] = await Promise.all([
    dev<Sms[]>('/sms'),
    dev<Email[]>('/email'),
    dev<{ now: string; offset_seconds: number }>('/clock'),
  ]);
  offsetSeconds = clock.offset_seconds;
  byId('clock').textContent = offsetSeconds
    ? `Emulator time: ${time(clock.now)} (${Math.round(offsetSeconds / 60)} min ahead)`
    : `Emulator time: ${time(clock.now)}`;
  show(
    byId('sms'),
    JSON.stringify(sms),
    () =>
      sms
        .slice()
        .reverse()
        .map((m) => {
          const li = item(
            el('span', m.to, 'to'),
            el('code', m.code, 'code'),
            el('span', time(m.sent_at), 'muted'),
          );
          li.dataset.smsTo = m.to;
          li.append(copyButton(m.code, `Copy the code sent to ${m.to}`));
          return li;
        }),
    'No text messages yet.',
  );
  show(
    byId('email'),
    JSON.stringify(email),
    () =>
      email
        .slice()
        .reverse()
        .map((m) => {
          const link = el('a', 'Open link', 'button-link');
          link.href = m.link;
          link.setAttribute('aria-label', `Open link sent to ${m.to}`);
          const li = item(el('span', m.to, 'to'), el('span', m.subject), link);
          li.dataset.emailTo = m.to;
          return li;
        }),
    'No emails yet.',
  );
  renderAuthenticator();
}

const FAULTS: Record<string, object> = {
  '500': { status: 500, error_type: 'internal_server_error' },
  '429': { status: 429, error_type: 'too_many_requests' },
  drop: { drop: true },
};

/** Starts the panel: reads the outboxes every second and wires the emulator's controls. */
export async function startDevPanel(onReset: () => Promise<void>): Promise<void> {
  const seed = await dev<{ members: SeedMember[] }>('/seed');
  for (const m of seed.members)
    if (m.totp_secret) authenticators.push({ label: m.email_address, secret: m.totp_secret });

  const input = byId<HTMLInputElement>('key');
  // A bad key is flagged until the field changes: a flag left set would block every later submit.
  input.addEventListener('input', () => input.setCustomValidity(''));
  byId<HTMLFormElement>('add-key').addEventListener('submit', (event) => {
    event.preventDefault();
    const secret = input.value.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z2-7]{16,}=*$/.test(secret)) {
      input.setCustomValidity('A setup key is at least 16 letters A–Z and digits 2–7.');
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    authenticators.push({ label: `Key ${secret.slice(0, 4)}…`, secret });
    input.value = '';
    renderAuthenticator();
  });
  byId('advance').addEventListener('click', () => void dev('/clock', { advance_seconds: 300 }).then(refresh));
  const said = byId('emulator-status');
  byId('reset').addEventListener('click', () => {
    said.textContent = '';
    void dev('/reset', {})
      .then(async () => {
        const added = authenticators.filter((a) => a.label.startsWith('Key '));
        for (const key of added) authenticators.splice(authenticators.indexOf(key), 1);
        await onReset();
        await refresh();
        said.textContent = 'Reset: the seeded members as they were, no messages, the clock back to now.';
      })
      .catch((error: unknown) => (said.textContent = `Reset failed: ${String(error)}`));
  });
  byId<HTMLFormElement>('fault').addEventListener('submit', (event) => {
    event.preventDefault();
    const path = byId<HTMLSelectElement>('fault-path').value;
    const kind = byId<HTMLSelectElement>('fault-kind');
    void dev('/faults', { path, ...FAULTS[kind.value] }).then(() => {
      byId('fault-status').textContent =
        `Armed: the next call to ${path} fails (${kind.selectedOptions[0]!.text}).`;
    });
  });

  await refresh();
  setInterval(() => {
    if (document.visibilityState === 'visible') refresh().catch(() => undefined);
  }, 1000);
  // A step that says "we sent a code" finds the text on the dev phone already, not a second later.
  for (const type of ['mfa-step', 'mfa-sms-sent'])
    document.addEventListener(type, () => void refresh().catch(() => undefined));
}
