// The demo: sign in as a seeded member (password, or an emailed link), then <mfa-flow> for whatever MFA
// they need, then a signed-in page with their settings and sign-out — beside a dev phone, inbox and
// authenticator fed by the emulator, and a live log of the elements' events. Two modes: the browser
// SDK talks to the emulator itself; "your server" (?mode=server) sends everything through the
// README's Express host (createMfaHandler and the official stytch package), whose session is an
// HttpOnly cookie. ?theme=light|dark (or a brand theme: harbor, sunrise, midnight) and ?lang=fr (de, es, pt-BR, ja, ar) set the page's scheme and
// the elements' language.
import { keepOptions, speak } from './dom.js';
import '../src/index.js';
import type { StytchClientOptions } from '@stytch/vanilla-js';
import type { MfaClient, MfaProvider, StytchClient } from '../src/index.js';
import type { AuthResponse } from '../src/stytch/member.js';
import { startDevPanel } from './dev-panel.js';
import { showElementPage } from './element-page.js';
import { showThemesPage } from './themes-page.js';
import { startEventLog } from './event-log.js';

interface SeedOrganization {
  organization_id: string;
  organization_name: string;
  mfa_policy: string;
  allowed_mfa_methods: string[];
}
interface SeedMember {
  member_id: string;
  organization_id: string;
  email_address: string;
  name: string;
  mfa_phone_number: string;
  totp_secret: string;
}
interface Seed {
  organizations: SeedOrganization[];
  members: SeedMember[];
}

const params = new URLSearchParams(location.search);
const serverMode = params.get('mode') === 'server';
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = byId<MfaProvider>('provider');
const status = byId('status');

/**
 * Whether this load comes back to where the tab was — a reload, Back/Forward, or one of the options
 * below changed — rather than arriving afresh (a link, the address bar).
 */
const SAME_PLACE_KEY = 'stytch-mfa-demo:option-changed';
const returning = (() => {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const optionChanged = sessionStorage.getItem(SAME_PLACE_KEY) !== null;
  sessionStorage.removeItem(SAME_PLACE_KEY);
  return optionChanged || navigation?.type === 'reload' || navigation?.type === 'back_forward';
})();

/** The page's options live in its URL, so a reload (or a magic link) keeps them. */
function setOption(name: string, value: string, fallback: string): void {
  const url = new URL(location.href);
  if (value === fallback) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  sessionStorage.setItem(SAME_PLACE_KEY, '1'); // the same page in another language or look
  location.assign(url);
}
function wireOptions(): void {
  // The top links keep the language, theme and mode too.
  for (const id of ['nav-sign-in', 'nav-elements', 'nav-themes'])
    byId<HTMLAnchorElement>(id).href = keepOptions(byId(id).getAttribute('href')!);
  const theme = params.get('theme') ?? '';
  const lang = params.get('lang') ?? 'en';
  if (theme) document.documentElement.dataset.theme = theme;
  const select = (id: string, value: string, name: string, fallback: string) => {
    const el = byId<HTMLSelectElement>(id);
    el.value = value;
    el.addEventListener('change', () => setOption(name, el.value, fallback));
  };
  select('mode', serverMode ? 'server' : 'sdk', 'mode', 'sdk');
  select('theme', theme, 'theme', '');
  select('lang', lang, 'lang', 'en');
}

type View = 'sign-in' | 'mfa' | 'signed-in';
function showView(view: View): void {
  for (const id of ['sign-in', 'mfa', 'signed-in'] as const) byId(id).hidden = id !== view;
  if (view !== 'signed-in') byId('organization').hidden = true;
  byId('element-page').hidden = true;
  byId(view).querySelector('h1')?.focus();
}

/** What signing in as a member leads to, from the seed. */
function describe(member: SeedMember, org: SeedOrganization | undefined): string {
  if (org?.mfa_policy !== 'REQUIRED_FOR_ALL')
    return `${org?.organization_name}: MFA optional, signed in at once`;
  if (member.mfa_phone_number) return `${org.organization_name}: a code by SMS (read it on the dev phone)`;
  if (member.totp_secret) return `${org.organization_name}: an authenticator code (see Authenticator)`;
  if (org.allowed_mfa_methods.length) return `${org.organization_name}: sets up an authenticator app`;
  return `${org.organization_name}: sets up MFA (SMS or an authenticator app)`;
}

/**
 * With the browser SDK, where this tab is in MFA: the primary answer without its tokens (the SDK
 * keeps the intermediate session in its own cookie), so a reload, Back/Forward or a change of
 * language or theme comes back to the MFA step. (With your server, the server remembers.)
 */
const PLACE_KEY = 'stytch-mfa-demo:mfa';
const IST_COOKIE = 'stytch_intermediate_session_token';

function rememberPlace(response: AuthResponse): void {
  if (serverMode || response.member_authenticated || !response.mfa_required) return;
  // Field by field: no token of the answer is kept.
  const { member_id, member, organization, mfa_required } = response;
  const place = { member_id, member, organization, mfa_required, member_authenticated: false };
  sessionStorage.setItem(PLACE_KEY, JSON.stringify(place));
}

function forgetPlace(): void {
  sessionStorage.removeItem(PLACE_KEY);
}

/**
 * The MFA step this tab was at, when the page comes back to it (a reload, Back/Forward, a change of
 * option) and the SDK still holds its intermediate session; else null. Arriving afresh (a link, the
 * address bar) starts at the member list.
 */
function rememberedPlace(): AuthResponse | null {
  if (!returning) {
    forgetPlace();
    return null;
  }
  const hasSession = document.cookie.split(/;\s*/).some((c) => c.startsWith(`${IST_COOKIE}=`));
  const saved = sessionStorage.getItem(PLACE_KEY);
  if (!hasSession || !saved) return null;
  try {
    const place = JSON.parse(saved) as AuthResponse;
    return place.member?.email_address ? place : null;
  } catch {
    return null;
  }
}

/** Starts <mfa-flow> for a sign-in that needs MFA (or, with a token in the URL, completes it). */
function startFlow(response: AuthResponse | null, email: string): void {
  const section = byId('mfa');
  section.querySelector('mfa-flow')?.remove();
  const flow = speak(document.createElement('mfa-flow'));
  if (response) flow.authResponse = response;
  else if (params.has('stytch_token_type')) flow.handleRedirect = true;
  section.append(flow);
  byId('mfa-who').textContent = email ? `Signing in as ${email}.` : '';
  showView('mfa');
}

/** How the session's factors read, by their delivery method. */
const FACTOR_NAMES: Record<string, string> = {
  knowledge: 'password',
  email: 'email link',
  sms: 'text message',
  authenticator_app: 'authenticator app',
  recovery_code: 'recovery code',
};

/** The signed-in page: who, with which factors, their settings. */
async function showSignedIn(): Promise<void> {
  forgetPlace();
  const client = await provider.getClient();
  const member = client?.self.getSync();
  const organization = client?.organization.getSync();
  const session = client?.session.getSync();
  const facts: [string, string][] = [
    ['Member', member ? `${member.name || member.email_address} (${member.email_address})` : '—'],
    ['Organization', organization?.organization_name ?? '—'],
    [
      'Signed in with',
      session?.authentication_factors
        .map((f) => FACTOR_NAMES[f.delivery_method] ?? f.delivery_method)
        .join(', ') || '—',
    ],
  ];
  byId('who').replaceChildren(
    ...facts.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  byId('settings').replaceChildren(speak(document.createElement('mfa-settings')));
  showView('signed-in');
  await showOrganization(client);
}

/**
 * The Organization page, beside the signed-in one, for a member whose role may manage the
 * organization's members (the session's RBAC: the seeded admins): its policy and its members.
 */
async function showOrganization(client: MfaClient | null | undefined): Promise<void> {
  const section = byId('organization');
  const admin = client ? await client.rbac.isAuthorized('stytch.member', 'search').catch(() => false) : false;
  section.hidden = !admin;
  byId('organization-elements').replaceChildren(
    ...(admin
      ? [speak(document.createElement('mfa-org-policy')), speak(document.createElement('mfa-members'))]
      : []),
  );
}

async function signIn(member: SeedMember): Promise<void> {
  byId('mfa-who').textContent = '';
  if (serverMode) {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organization_id: member.organization_id,
        email_address: member.email_address,
        password: 'mfa-demo-password',
      }),
    });
    const answer = (await response.json()) as { mfa_required?: boolean; error?: string };
    if (!response.ok) throw new Error(answer.error ?? `status ${response.status}`);
    if (answer.mfa_required)
      startFlow(null, member.email_address); // it asks your server who
    else await showSignedIn();
    return;
  }
  const client = (await provider.getClient())!;
  const response = await client.passwords.authenticate({
    organization_id: member.organization_id,
    email_address: member.email_address,
    password: 'mfa-demo-password',
    session_duration_minutes: 60,
  });
  if (response.member_authenticated) await showSignedIn();
  else startFlow(response, member.email_address);
}

async function signOut(): Promise<void> {
  if (serverMode) await fetch('/api/logout', { method: 'POST' });
  else {
    const client = await provider.getClient();
    // Revoked on the server (a later sign-in asks for MFA again); a visitor without one has nothing to end.
    if (client?.session.getSync()) await client.session.revoke().catch(() => undefined);
  }
  forgetPlace();
  byId('mfa').querySelector('mfa-flow')?.remove();
  byId('settings').replaceChildren();
  byId('organization-elements').replaceChildren();
  byId('organization').hidden = true;
  showView('sign-in');
}

function fail(error: unknown): void {
  status.textContent = `Something failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  status.dataset.state = 'failed';
}

function listMembers(seed: Seed): void {
  const list = byId('members');
  // One sign-in at a time: a double-click (or a second member clicked meanwhile) is not a second one.
  let signingIn = false;
  const signInOnce = (member: SeedMember) => {
    if (signingIn) return;
    signingIn = true;
    list.setAttribute('aria-busy', 'true');
    void signIn(member)
      .catch(fail)
      .finally(() => {
        signingIn = false;
        list.removeAttribute('aria-busy');
      });
  };
  const magic = byId<HTMLSelectElement>('magic-email');
  for (const member of seed.members) {
    const org = seed.organizations.find((o) => o.organization_id === member.organization_id);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'member';
    button.dataset.email = member.email_address;
    const name = document.createElement('strong');
    name.textContent = member.email_address;
    const what = document.createElement('span');
    what.textContent = describe(member, org);
    button.append(name, what);
    button.addEventListener('click', () => signInOnce(member));
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
    magic.append(new Option(member.email_address, member.member_id));
  }
  byId<HTMLFormElement>('magic-link').addEventListener('submit', (event) => {
    event.preventDefault();
    const member = seed.members.find((m) => m.member_id === magic.value)!;
    const done = byId('magic-status');
    if (serverMode) {
      done.textContent = 'Sign-in links go through the browser SDK: switch "Calls go through" to try one.';
      return;
    }
    void provider
      .getClient()
      .then((client) =>
        client!.magicLinks.email.loginOrSignup({
          email_address: member.email_address,
          organization_id: member.organization_id,
          login_redirect_url: `${location.origin}${location.pathname}${location.search}`,
        }),
      )
      .then(() => (done.textContent = `Sent: open it from the dev inbox.`), fail);
  });
}

/**
 * Against a real Stytch project (`STYTCH_PUBLIC_TOKEN=… npm start`): no emulator, so no seeded
 * members, dev phone or element pages; members sign in by an emailed link to this page.
 */
function startAgainstStytch(token: string): void {
  provider.setAttribute('public-token', token);
  byId('dev').hidden = true;
  byId('mode').closest('label')!.hidden = true; // your server would need the project's secret
  byId('nav-elements').hidden = true;
  byId('nav-themes').hidden = true;
  byId('members').hidden = true;
  const organizationId = import.meta.env.STYTCH_PUBLIC_ORGANIZATION_ID as string | undefined;
  const form = byId<HTMLFormElement>('magic-link');
  const email = document.createElement('input');
  email.id = 'magic-email';
  email.type = 'email';
  email.autocomplete = 'email';
  email.required = true;
  byId('magic-email').replaceWith(email);
  form.querySelector('label')!.textContent = 'Email yourself a sign-in link';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const done = byId('magic-status');
    if (!organizationId) {
      done.textContent = 'Set STYTCH_PUBLIC_ORGANIZATION_ID to the organization members sign in to.';
      return;
    }
    void provider
      .getClient()
      .then((client) =>
        client!.magicLinks.email.loginOrSignup({
          email_address: email.value,
          organization_id: organizationId,
          login_redirect_url: `${location.origin}${location.pathname}`,
          signup_redirect_url: `${location.origin}${location.pathname}`,
        }),
      )
      .then(() => (done.textContent = 'Sent: open the link in that email.'), fail);
  });
  status.textContent = `Against your Stytch project (${token.slice(0, 24)}…): members sign in by an emailed link.`;
  status.dataset.state = 'connected';
}

/**
 * The element and themes pages sign their members in with a client of their own — its own public
 * token (so its own stored state) and its own cookie names — so opening one leaves the sign-in in
 * other tabs as it was.
 */
async function pagesClient(): Promise<StytchClient> {
  const { StytchB2BHeadlessClient } = await import('@stytch/vanilla-js/b2b/headless');
  const options = {
    endpoints: { testAPIURL: location.origin, liveAPIURL: location.origin },
    cookieOptions: {
      opaqueTokenCookieName: 'demo_pages_session',
      jwtCookieName: 'demo_pages_session_jwt',
      istCookieName: 'demo_pages_intermediate_session_token',
    },
  };
  return new StytchB2BHeadlessClient(
    'public-token-test-demo-pages-0000-0000-000000000000',
    options as StytchClientOptions,
  );
}

/** Against the emulator: the seeded members, the dev panel, both modes, the element pages. */
async function startAgainstEmulator(): Promise<boolean> {
  if (serverMode) provider.backendUrl = '/api/mfa';
  else provider.apiUrl = location.origin;
  const seed = (await (await fetch('/__emulator/seed')).json()) as Seed;
  listMembers(seed);
  // "Reset emulator" ends the sign-in; on an element page it places the elements again.
  let afterReset = signOut;
  await startDevPanel(() => afterReset());
  status.textContent = serverMode
    ? 'Your server at /api signs members in with the official stytch package; the elements call /api/mfa and no Stytch token reaches this page.'
    : 'The elements drive the Stytch browser SDK against the emulator at this origin.';
  status.dataset.state = 'connected';
  const pageName = params.get('page');
  if (pageName !== 'elements' && pageName !== 'themes') return false;
  byId(`nav-${pageName}`).setAttribute('aria-current', 'page');
  if (serverMode)
    status.textContent = 'Element pages drive the browser SDK: "Calls go through" has no effect here.';
  const page = byId('element-page');
  page.hidden = false;
  for (const id of ['sign-in', 'mfa', 'signed-in']) byId(id).hidden = true;
  if (serverMode) provider.backendUrl = '';
  provider.client = await pagesClient();
  const show = () =>
    pageName === 'themes'
      ? showThemesPage(
          page,
          provider,
          seed.members.find((m) => m.email_address === 'new@acme.test')!,
        )
      : showElementPage(page, params.get('tag') ?? '', provider, seed);
  afterReset = show;
  await show();
  return true;
}

async function start(): Promise<void> {
  wireOptions();
  startEventLog(byId<HTMLOListElement>('events'));
  byId('sign-out').addEventListener('click', () => void signOut().catch(fail));
  byId('mfa').addEventListener('mfa-authenticated', () => void showSignedIn().catch(fail));
  byId('mfa').addEventListener('mfa-step', () => {
    const flow = byId('mfa').querySelector('mfa-flow');
    if (flow?.authResponse) {
      rememberPlace(flow.authResponse);
      byId('mfa-who').textContent = `Signing in as ${flow.authResponse.member.email_address}.`;
    }
    // A sign-in link's token is spent once the flow has it: a reload must not try it again.
    if (params.has('stytch_token_type')) {
      const url = new URL(location.href);
      for (const name of ['stytch_token_type', 'token']) url.searchParams.delete(name);
      history.replaceState(history.state, '', url);
    }
  });
  const token = import.meta.env.STYTCH_PUBLIC_TOKEN as string | undefined;
  if (token) startAgainstStytch(token);
  else if (await startAgainstEmulator()) return; // an element page
  byId('nav-sign-in').setAttribute('aria-current', 'page');
  if (!serverMode && params.has('stytch_token_type')) return startFlow(null, '');
  // A reload: already signed in, or in the middle of MFA (your server remembers), or neither.
  const answer = await provider.getAuthResponse();
  if (answer?.member_authenticated && answer.member_session) await showSignedIn();
  else if (answer?.mfa_required) startFlow(serverMode ? null : answer, answer.member.email_address);
  else {
    const place = serverMode ? null : rememberedPlace();
    if (place) startFlow(place, place.member.email_address);
    else showView('sign-in');
  }
}

start().catch(fail);
