// The browsers the browser suite runs in: Debian's Chromium, Firefox ESR (puppeteer over WebDriver
// BiDi) and WebKitGTK (its WebDriver). Found on the PATH, or installed with apt when we are root on
// Debian — no tool here may download a browser of its own. `WTR_BROWSERS=chromium,firefox` picks.
import { aptInstall, findChromium, which } from './chromium.mjs';

/** A binary from the PATH, installing its Debian package first if it is missing. */
export function ensureDebianPackage(binary, pkg) {
  const found = which(binary);
  if (found) return found;
  if (!aptInstall([pkg])) {
    throw new Error(
      `${binary} not found: install Debian's ${pkg} (apt-get install ${pkg}), or leave it out of WTR_BROWSERS`,
    );
  }
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
  const found = (binary) => (binary === 'chromium' ? findChromium() : which(binary)); // (or CHROME_PATH)
  const missing = engines.flatMap((engine) => PACKAGES[engine].filter(([binary]) => !found(binary)));
  if (missing.length) aptInstall(missing.map(([, pkg]) => pkg));
}

export const ensureFirefox = () => ensureDebianPackage('firefox-esr', 'firefox-esr');

/** The engines to run, from WTR_BROWSERS (default: all three). */
export function wantedBrowsers() {
  const names = (process.env.WTR_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim());
  for (const name of names) {
    if (!['chromium', 'firefox', 'webkit'].includes(name)) throw new Error(`WTR_BROWSERS: unknown ${name}`);
  }
  return names;
}
