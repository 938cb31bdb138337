// Finds Debian's Chromium (or installs it with apt when we are root on Debian). No tool here may
// download a browser of its own: every browser test, the demo check and the bench use this one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Flags for headless Chromium on this kind of machine: no sandbox as root, and no background traffic
 * (the proxy is a closed local port, so anything that would leave the machine fails at once; loopback
 * bypasses it).
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=NetworkTimeServiceQuerying,MediaRouter,OptimizationHints',
  '--proxy-server=http://127.0.0.1:9',
];

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The path of a command on the PATH, or ''. */
export function which(name) {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

/**
 * Installs Debian packages with apt in one run, when we are root on Debian. False when we cannot
 * (the caller says what to install by hand).
 */
export function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) return false;
  console.log(`Installing Debian's ${packages.join(', ')} with apt…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return true;
}

export function findChromium() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  for (const name of CANDIDATES) {
    const found = which(name);
    if (found) return found;
  }
  return '';
}

/** The path of a usable Chromium; installs Debian's package when possible, else explains and exits. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (aptInstall(['chromium'])) {
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    'No Chromium found. Install one and run again:\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  or set CHROME_PATH to a Chrome or Chromium binary.\n' +
      'This project never downloads a browser of its own.',
  );
  process.exit(1);
}

/**
 * `puppeteer.launch` options for the Node tests: Debian's Chromium, headless, off the network. Its
 * first start on a busy fresh machine has taken over puppeteer's 30 s default, so it waits 90 s.
 */
export function chromiumLaunchOptions() {
  return { executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true, timeout: 90_000 };
}
