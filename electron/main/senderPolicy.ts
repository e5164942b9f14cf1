/** Which IPC callers and navigations the shell accepts. Pure (no 'electron' import) so tests can load it. */

export interface SenderFacts {
  /** The sender is our main window's web contents. */
  fromMainWindow: boolean;
  /** The sending frame is that window's top frame (not an iframe). */
  isMainFrame: boolean;
  /** URL of the sending frame. */
  url: string;
}

/** The renderer's URL: the dev server in development, else the packaged index.html. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl) return url === devServerUrl || url.startsWith(devServerUrl.endsWith('/') ? devServerUrl : `${devServerUrl}/`);
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && u.pathname.endsWith('/renderer/index.html');
  } catch { return false; }
}

export function isTrustedSender(facts: SenderFacts, devServerUrl: string | undefined): boolean {
  return facts.fromMainWindow && facts.isMainFrame && isAppUrl(facts.url, devServerUrl);
}

/** Links that may leave the app, opened in the system browser: https only. Everything else is refused. */
export function isAllowedExternalUrl(url: string): boolean {
  try { return new URL(url).protocol === 'https:'; } catch { return false; }
}
