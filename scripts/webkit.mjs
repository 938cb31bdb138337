// WebKitGTK for the browser suite: Debian's WebKitWebDriver driving its MiniBrowser on a virtual X
// display (Debian's WebKitGTK has no headless mode). Both come from apt, like Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { ensureDebianPackage } from './browsers.mjs';

/** Where Debian's MiniBrowser is — looked up after apt may have installed it, not at import. */
const miniBrowser = () =>
  ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']
    .map((dir) => `${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path));

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function until(ready, what) {
  for (let i = 0; i < 100; i++) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start`);
}

/**
 * Starts Xvfb and WebKitWebDriver (both stopped when this process exits) and resolves with what the
 * WebDriver launcher needs: the driver's port and the capabilities that open MiniBrowser.
 */
export async function startWebKit() {
  const driver = ensureDebianPackage('WebKitWebDriver', 'webkit2gtk-driver');
  ensureDebianPackage('Xvfb', 'xvfb');
  const browser = miniBrowser();
  if (!browser) throw new Error('webkit2gtk-driver is installed but MiniBrowser is not where Debian puts it');
  const port = await freePort();
  const display = `:${(port % 500) + 100}`;
  const children = [
    spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }),
  ];
  process.once('exit', () => children.forEach((child) => child.kill()));
  await until(
    () => spawnSync('sh', ['-c', `test -e /tmp/.X11-unix/X${display.slice(1)}`]).status === 0,
    'Xvfb',
  );
  children.push(
    // LANG and LANGUAGE give the browser a language of its own (navigator.language), as a member's
    // browser has: under this machine's C locale WebKitGTK reports "C", which is no language tag.
    spawn(driver, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: display, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
      stdio: 'ignore',
    }),
  );
  await until(
    () =>
      fetch(`http://127.0.0.1:${port}/status`).then(
        (r) => r.ok,
        () => false,
      ),
    'WebKitWebDriver',
  );
  return {
    port,
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
      // Classic WebDriver: WebKitGTK's driver has no BiDi, which WebdriverIO asks for by default.
      'wdio:enforceWebDriverClassic': true,
      // A navigation returns at once, not at the page's load: the runner hears from each test page
      // itself, and a navigation that waited (default: up to 300 s) once hung a whole CI run for
      // 5 minutes and failed it, going to about:blank between two files whose tests had all passed.
      pageLoadStrategy: 'none',
    },
  };
}
