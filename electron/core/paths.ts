/** Where Rembuk keeps its data when no folder is given (the desktop app uses Electron's userData instead). */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(): string {
  if (process.env.REMBUK_DATA) return process.env.REMBUK_DATA;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Rembuk');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Rembuk');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'rembuk');
}
