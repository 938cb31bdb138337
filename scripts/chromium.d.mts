/** Flags for headless Chromium here: no sandbox as root, no background traffic, a closed proxy. */
export declare const CHROMIUM_ARGS: string[];
/** The path of a Chromium on PATH (or CHROME_PATH), or ''. */
export declare function findChromium(): string;
/** The path of a usable Chromium; installs Debian's package as root on Debian, else explains and exits. */
export declare function ensureChromium(): string;
