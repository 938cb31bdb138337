/** Flags for headless Chromium here: no sandbox as root, no background traffic, a closed proxy. */
export declare const CHROMIUM_ARGS: string[];
/** The path of a Chromium on PATH (or CHROME_PATH), or ''. */
export declare function findChromium(): string;
/** The path of a usable Chromium; installs Debian's package as root on Debian, else explains and exits. */
export declare function ensureChromium(): string;
/** The path of a command on the PATH, or ''. */
export declare function which(name: string): string;
/** Installs Debian packages with apt when root on Debian; false when it cannot. */
export declare function aptInstall(packages: string[]): boolean;
/** `puppeteer.launch` options for the Node tests (Debian's Chromium, headless, 90 s to start). */
export declare function chromiumLaunchOptions(): {
  executablePath: string;
  args: string[];
  headless: true;
  timeout: number;
};
