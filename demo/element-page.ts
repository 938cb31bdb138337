// The demo's page for one element (?page=elements&tag=…): a live instance for a member who needs it,
// its attributes as controls (a change places a fresh instance), and its reference — attributes,
// properties, events, parts, CSS properties — rendered from custom-elements.json. The events it
// fires show in the page's event log.
import manifest from '../custom-elements.json';
import type { MfaProvider } from '../src/index.js';
import type { AuthResponse } from '../src/stytch/member.js';
import { keepOptions, richText, textElement as text, totpCode, speak } from './dom.js';

interface Described {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: (Described & { fieldName?: string })[];
  members?: (Described & { kind: string; privacy?: string; static?: boolean; attribute?: string })[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  slots?: Described[];
}

/** Every element the manifest documents, by tag. */
export const ELEMENTS = new Map<string, Declaration>(
  (manifest as { modules: { declarations?: Declaration[] }[] }).modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is Declaration & { tagName: string } => Boolean(d.customElement && d.tagName))
    .map((d) => [d.tagName!, d]),
);

export interface SeedMember {
  organization_id: string;
  email_address: string;
  totp_secret: string;
}

/** Who each element is shown for, and how they are signed in (none: it needs no member). */
const SCENARIOS: Record<string, { email: string; full?: boolean; attributes?: Record<string, string> }> = {
  'sms-otp-input': { email: 'new@acme.test', attributes: { enrollment: 'enroll' } },
  'totp-setup': { email: 'new@acme.test', attributes: { enrollment: 'enroll' } },
  'mfa-enroll': { email: 'new@acme.test' },
  'mfa-authenticate': { email: 'sms@acme.test' },
  'mfa-flow': { email: 'sms@acme.test' },
  'mfa-recovery-codes': { email: 'totp@acme.test', full: true, attributes: { 'allow-rotate': '' } },
  'mfa-settings': { email: 'user@initech.test', full: true },
  // The seeded admin of an organization where MFA is optional: signed in by password alone.
  'mfa-org-policy': { email: 'admin@initech.test', full: true },
  'mfa-members': { email: 'admin@initech.test', full: true },
};

/** A reference table; nothing when there are no rows. */
function table(title: string, columns: string[], rows: string[][]): HTMLElement[] {
  if (!rows.length) return [];
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  for (const c of columns) head.append(text('th', c));
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const td = tr.insertCell();
      if (i === 0) td.append(text('code', cell));
      else td.append(...richText(cell));
    });
  }
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  // It scrolls sideways on a narrow screen: a keyboard must reach it too.
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `${title}, reference`);
  wrap.append(t);
  return [text('h2', title), wrap];
}

/** The primary sign-in (and, for a full session, the second factor) a scenario needs. */
export async function signIn(
  provider: MfaProvider,
  member: SeedMember,
  full: boolean,
): Promise<AuthResponse> {
  const client = (await provider.getClient())!;
  const response = await client.passwords.authenticate({
    organization_id: member.organization_id,
    email_address: member.email_address,
    password: 'mfa-demo-password',
    session_duration_minutes: 60,
  });
  if (!full || response.member_authenticated) return response;
  const clock = (await (await fetch('/__emulator/clock')).json()) as { offset_seconds: number };
  const code = totpCode(member.totp_secret, Date.now() + clock.offset_seconds * 1000);
  await client.totp.authenticate({
    organization_id: member.organization_id,
    member_id: response.member_id,
    code,
    session_duration_minutes: 60,
  });
  return response;
}

/** A control for one attribute, by its type. */
function control(
  attribute: Described,
  value: string | null,
  onChange: (value: string | null) => void,
): HTMLElement {
  const id = `attr-${attribute.name}`;
  const label = text('label', attribute.name);
  label.htmlFor = id;
  const type = attribute.type?.text ?? 'string';
  let input: HTMLInputElement | HTMLSelectElement;
  if (type === 'boolean') {
    input = Object.assign(document.createElement('input'), { type: 'checkbox', checked: value !== null });
    input.addEventListener('change', () => onChange((input as HTMLInputElement).checked ? '' : null));
  } else if (type.includes('|')) {
    input = document.createElement('select');
    for (const option of type.split('|').map((t) => t.trim().replace(/^'|'$/g, '')))
      input.append(
        new Option(option === 'Enrollment' ? '' : option || '(none)', option === 'Enrollment' ? '' : option),
      );
    for (const extra of type.includes('Enrollment') ? ['enroll', 'unenroll'] : [])
      if (![...input.options].some((o) => o.value === extra)) input.append(new Option(extra, extra));
    input.value = value ?? '';
    input.addEventListener('change', () => onChange((input as HTMLSelectElement).value || null));
  } else {
    input = Object.assign(document.createElement('input'), {
      type: type === 'number' ? 'number' : 'text',
      value: value ?? '',
    });
    input.addEventListener('change', () => onChange((input as HTMLInputElement).value || null));
  }
  input.id = id;
  const row = document.createElement('div');
  row.className = type === 'boolean' ? 'control check' : 'control';
  row.append(label, input);
  if (attribute.description) row.append(text('span', attribute.description, 'muted'));
  return row;
}

/** Renders the page for `tag` into `main`; `seed` names the members the live instances are for. */
export async function showElementPage(
  main: HTMLElement,
  tag: string,
  provider: MfaProvider,
  seed: { members: SeedMember[] },
): Promise<void> {
  const doc = ELEMENTS.get(tag);
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Elements');
  const list = document.createElement('ul');
  list.className = 'element-nav';
  for (const name of [...ELEMENTS.keys()].sort()) {
    const link = text('a', `<${name}>`);
    link.href = keepOptions(`?page=elements&tag=${name}`);
    if (name === tag) link.setAttribute('aria-current', 'page');
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  nav.append(list);
  const card = document.createElement('section');
  card.className = 'card';
  card.setAttribute('aria-labelledby', 'element-title');
  main.replaceChildren(nav, card);
  if (!doc) {
    card.append(text('h1', 'Elements'), text('p', 'Choose an element above.'));
    return;
  }
  const title = text('h1', `<${tag}>`);
  title.id = 'element-title';
  title.tabIndex = -1;
  card.append(title);
  const paragraph = (source: string, className = '') => {
    const p = document.createElement('p');
    if (className) p.className = className;
    p.append(...richText(source));
    return p;
  };
  if (doc.summary) card.append(paragraph(doc.summary));
  if (doc.description)
    for (const para of doc.description.split(/\n\n+/)) card.append(paragraph(para, 'muted'));

  const scenario = SCENARIOS[tag];
  const attributes = (doc.attributes ?? []).filter((a) => !['organization-id', 'member-id'].includes(a.name));
  const values = new Map<string, string | null>(Object.entries(scenario?.attributes ?? {}));
  const stage = document.createElement('div');
  stage.className = 'stage';
  const note = text('p', '', 'muted');
  const place = async () => {
    stage.replaceChildren(text('p', 'Signing in…', 'muted'));
    const instance = speak(document.createElement(tag)) as HTMLElement & { authResponse?: AuthResponse };
    for (const [name, value] of values) if (value !== null) instance.setAttribute(name, value);
    if (scenario) {
      // No reset here: that would end every session, other tabs' too. "Reset emulator" is the button.
      const member = seed.members.find((m) => m.email_address === scenario.email)!;
      instance.authResponse = await signIn(provider, member, Boolean(scenario.full));
      note.textContent = `Shown for ${member.email_address}${scenario.full ? ', signed in' : ', after their password'} . Codes: the dev phone and the authenticator; "Reset emulator" brings the seeded members back as they were.`;
    } else {
      note.textContent =
        tag === 'mfa-provider'
          ? 'It provides the client to the elements inside it: every other page shows it at work.'
          : 'A field: it needs no member.';
    }
    stage.replaceChildren(instance);
  };
  if (tag !== 'mfa-provider') {
    const controls = document.createElement('form');
    controls.className = 'controls';
    controls.setAttribute('aria-label', 'Attributes');
    controls.addEventListener('submit', (event) => event.preventDefault());
    for (const a of attributes)
      controls.append(
        control(a, values.get(a.name) ?? null, (value) => {
          values.set(a.name, value);
          void place();
        }),
      );
    card.append(text('h2', 'Try it'), note, stage, text('h3', 'Change its attributes'), controls);
    await place();
  }

  const publicMembers = (doc.members ?? []).filter(
    (m) =>
      m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.attribute,
  );
  card.append(
    ...table(
      'Attributes',
      ['Name', 'Type', 'Default', 'Description'],
      (doc.attributes ?? []).map((a) => [a.name, a.type?.text ?? '', a.default ?? '', a.description ?? '']),
    ),
    ...table(
      'Properties',
      ['Name', 'Type', 'Description'],
      publicMembers.map((m) => [m.name, m.type?.text ?? '', m.description ?? '']),
    ),
    ...table(
      'Events',
      ['Name', 'Detail', 'Description'],
      (doc.events ?? []).map((e) => [e.name, e.type?.text ?? '', e.description ?? '']),
    ),
    ...table(
      'Parts',
      ['Name', 'Description'],
      (doc.cssParts ?? []).map((p) => [p.name, p.description ?? '']),
    ),
    ...table(
      'CSS properties',
      ['Name', 'Description'],
      (doc.cssProperties ?? []).map((p) => [p.name, p.description ?? '']),
    ),
    ...table(
      'Slots',
      ['Name', 'Description'],
      (doc.slots ?? []).map((s) => [s.name || '(default)', s.description ?? '']),
    ),
  );
}
