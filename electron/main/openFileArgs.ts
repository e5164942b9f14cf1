/** Which `.rembuk` exchange file a launch asks Rembuk to open. Pure (no 'electron' import) so tests can load it.
 *
 * A double-click on a `.rembuk` file starts Rembuk with the file's path in its command line: on Windows
 * `Rembuk.exe "C:\Users\x\Downloads\Budi.rembuk"`, on Linux `rembuk /home/x/Budi.rembuk` (or a `file://` URI from the
 * desktop entry's %U). When Rembuk already runs, the second launch's argv and working directory reach the first
 * instance through the 'second-instance' event; macOS sends the path through 'open-file' instead. Chromium adds its
 * own `--flags` to argv, and in development argv holds the Electron binary and the app folder. */

export const EXCHANGE_EXTENSION = '.rembuk';

export type ArgvPlatform = 'win32' | 'darwin' | 'linux';

export function isExchangeFilePath(p: string): boolean {
  return p.toLowerCase().endsWith(EXCHANGE_EXTENSION) && p.length > EXCHANGE_EXTENSION.length && !/[\\/]$/.test(p);
}

/** Joins and normalises like path.win32 / path.posix.resolve, without Node (kept pure and platform-independent). */
export function resolveAgainst(cwd: string, p: string, platform: ArgvPlatform): string {
  if (platform === 'win32') {
    // Root: a drive ("C:") or a share ("\\\\server\\share"); then the segments below it.
    const split = (q: string): { root: string; rest: string } | null => {
      const drive = /^([a-zA-Z]:)[\\/]?(.*)$/s.exec(q);
      if (drive) return { root: drive[1]!.toUpperCase(), rest: drive[2]! };
      const share = /^[\\/]{2}([^\\/]+)[\\/]+([^\\/]+)[\\/]?(.*)$/s.exec(q);
      if (share) return { root: `\\\\${share[1]}\\${share[2]}`, rest: share[3]! };
      return null;
    };
    const base = split(cwd) ?? { root: 'C:', rest: cwd };
    const own = split(p);
    let root: string;
    let segments: string[];
    if (own) { root = own.root; segments = own.rest.split(/[\\/]+/); }
    else if (/^[\\/]/.test(p)) { root = base.root; segments = p.split(/[\\/]+/); } // \dir\file: root of cwd's drive
    else { root = base.root; segments = [...base.rest.split(/[\\/]+/), ...p.split(/[\\/]+/)]; }
    const out: string[] = [];
    for (const part of segments) {
      if (part === '' || part === '.') continue;
      if (part === '..') { out.pop(); continue; }
      out.push(part);
    }
    return `${root}\\${out.join('\\')}`;
  }
  const joined = p.startsWith('/') ? p : `${cwd.replace(/\/+$/, '')}/${p}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') { out.pop(); continue; }
    out.push(part);
  }
  return `/${out.join('/')}`;
}

/** A `file://` URI (Linux desktop entries pass %U) → local path; anything else is returned unchanged. */
function fromFileUri(arg: string, platform: ArgvPlatform): string | null {
  if (!/^file:/i.test(arg)) return arg;
  try {
    const u = new URL(arg);
    if (u.protocol !== 'file:') return null;
    const pathname = decodeURIComponent(u.pathname);
    if (platform === 'win32') {
      if (u.hostname) return `\\\\${u.hostname}${pathname.replace(/\//g, '\\')}`;
      return pathname.replace(/^\/([a-zA-Z]:)/, '$1').replace(/\//g, '\\');
    }
    return u.hostname && u.hostname !== 'localhost' ? null : pathname;
  } catch {
    return null;
  }
}

/**
 * The `.rembuk` file a command line asks to open, as an absolute path, or null when there is none.
 * argv[0] is the executable and is skipped; `--flags` (Chromium's and ours) are ignored; relative paths are resolved
 * against the launch's working directory; other files (a .sqlite, the app folder in development) are ignored.
 * When several exchange files are given, the first is taken.
 */
export function exchangeFileFromArgv(argv: readonly string[], cwd: string, platform: ArgvPlatform): string | null {
  for (const raw of argv.slice(1)) {
    if (typeof raw !== 'string' || raw === '' || raw.startsWith('-')) continue;
    const arg = fromFileUri(raw.trim().replace(/^"(.*)"$/, '$1'), platform);
    if (!arg || !isExchangeFilePath(arg)) continue;
    return resolveAgainst(cwd, arg, platform);
  }
  return null;
}
