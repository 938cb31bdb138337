// The browsers the browser suite runs in: Debian's Chromium, Firefox ESR (puppeteer over WebDriver
// BiDi) and WebKitGTK (its WebDriver). Found on the PATH, or installed with apt when we are root on
// Debian — no tool here may download a browser of its own. `WTR_BROWSERS=chromium,firefox` picks.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const which = (name) => {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
};

export function ensureDebianPackage(binary, pkg) {
  const found = which(binary);
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    throw new Error(
      `${binary} not found: install Debian's ${pkg} (apt-get install ${pkg}), or leave it out of WTR_BROWSERS`,
    );
  }
  console.log(`${binary} not found: installing Debian's ${pkg} package with apt…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = which(binary);
  if (!installed) throw new Error(`${pkg} installed, but ${binary} is still not on the PATH`);
  return installed;
}

const PACKAGES = {
  chromium: [['chromium', 'chromium']],
  firefox: [['firefox-esr', 'firefox-esr']],
  webkit: [
    ['WebKitWebDriver', 'webkit2gtk-driver'],
    ['Xvfb', 'xvfb'],
  ],
};

/**
 * Installs, in one apt run, the Debian packages the wanted engines lack (when we are root on Debian;
 * otherwise each engine's launcher says what is missing).
 */
export function ensureBrowsers(engines = wantedBrowsers()) {
  const missing = engines.flatMap((engine) => PACKAGES[engine].filter(([binary]) => !which(binary)));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!missing.length || !isRoot || !existsSync('/etc/debian_version')) return;
  const packages = missing.map(([, pkg]) => pkg);
  console.log(`Installing Debian's ${packages.join(', ')} with apt…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export const ensureFirefox = () => ensureDebianPackage('firefox-esr', 'firefox-esr');
export const ensureWebKitDriver = () => ensureDebianPackage('WebKitWebDriver', 'webkit2gtk-driver');

/** The engines to run, from WTR_BROWSERS (default: all three). */
export function wantedBrowsers() {
  const names = (process.env.WTR_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim());
  for (const name of names) {
    if (!['chromium', 'firefox', 'webkit'].includes(name)) throw new Error(`WTR_BROWSERS: unknown ${name}`);
  }
  return names;
}

export { ensureChromium };
