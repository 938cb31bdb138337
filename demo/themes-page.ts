// The demo's theming page (?page=themes): the same elements in three brand themes side by side, each
// made only from the kit's --mfa- properties and ::part()s (demo/themes.css). The enrollment steps are
// live, for a member who has not set up MFA yet.
import type { MfaProvider } from '../src/index.js';
import { textElement as text, speak } from './dom.js';
import { signIn, type SeedMember } from './element-page.js';

const THEMES = [
  ['harbor', 'Harbor', 'Square corners, navy, capitals on the main buttons.'],
  ['sunrise', 'Sunrise', 'A serif voice, warm colours, pill-shaped buttons.'],
  ['midnight', 'Midnight', 'Always dark, monospaced, a bright focus ring.'],
] as const;

/** Renders the page into `main`, for `member` after their password. */
export async function showThemesPage(
  main: HTMLElement,
  provider: MfaProvider,
  member: SeedMember,
): Promise<void> {
  const card = document.createElement('section');
  card.className = 'card';
  card.setAttribute('aria-labelledby', 'themes-title');
  const title = text('h1', 'Themes');
  title.id = 'themes-title';
  title.tabIndex = -1;
  const css = text('code', 'demo/themes.css');
  const intro = text(
    'p',
    'Three themes made only from the public --mfa- custom properties and ::part()s: see ',
  );
  intro.append(css, '. Try one on the whole demo with the Theme menu above.');
  const grid = document.createElement('div');
  grid.className = 'themes';
  card.append(title, intro, grid);
  main.replaceChildren(card);

  const response = await signIn(provider, member, false);
  for (const [name, label, description] of THEMES) {
    const panel = document.createElement('section');
    panel.className = `theme-panel theme-${name}`;
    panel.setAttribute('aria-label', `${label} theme`);
    const enroll = speak(document.createElement('mfa-enroll'));
    enroll.authResponse = response;
    const code = speak(document.createElement('mfa-code-input'));
    panel.append(text('h2', label), text('p', description), enroll, code);
    grid.append(panel);
  }
}
