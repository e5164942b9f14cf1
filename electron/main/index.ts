/** The Electron shell: one window, the security checklist, native dialogs, and the wiring of the API to IPC.
 * All logic lives in electron/core, which never imports 'electron'. */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX, OPERATIONS } from '../../shared/api/operations';
import { dispatch, toPayload } from '../core/api/dispatch';
import { AppError } from '../../shared/errors';
import { createHandlers, type Host } from '../core/api/handlers';
import { defaultDataDir } from '../core/paths';
import { Workspace } from '../core/workspace';
import { CSP } from '../web/server';
import { isAllowedExternalUrl, isTrustedSender } from './senderPolicy';
import { exchangeFileFromArgv, type ArgvPlatform } from './openFileArgs';

const isDev = !app.isPackaged && !!process.env.ELECTRON_RENDERER_URL;
const rendererUrl = isDev ? process.env.ELECTRON_RENDERER_URL! : `file://${path.join(__dirname, '../renderer/index.html')}`;
let mainWindow: BrowserWindow | null = null;
let closingConfirmed = false;

// Single instance: a second launch (e.g. a double-clicked .rembuk file) hands its argv to the running Rembuk and
// quits. The file goes to the running window; until the renderer has asked for it (app.takeOpenFile, once it listens
// for app.openFile), the path waits here.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.quit();
const platform = (['win32', 'darwin'].includes(process.platform) ? process.platform : 'linux') as ArgvPlatform;
let pendingOpenFile: string | null = exchangeFileFromArgv(process.argv, process.cwd(), platform);
let rendererListening = false;

function openExchangeFile(filePath: string): void {
  if (!mainWindow || !rendererListening) { pendingOpenFile = filePath; return; }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  mainWindow.webContents.send(IPC_EVENT_CHANNEL, 'app.openFile', { path: filePath });
}

// macOS hands files over through open-file (also before the app is ready, for the launching double-click).
app.on('open-file', (e, filePath) => {
  e.preventDefault();
  if (exchangeFileFromArgv(['', filePath], '/', 'darwin')) openExchangeFile(filePath);
});
// Windows and Linux start a second process; it quits at once and its argv arrives here.
app.on('second-instance', (_e, argv, workingDirectory) => {
  const filePath = exchangeFileFromArgv(argv, workingDirectory, platform);
  if (filePath) openExchangeFile(filePath);
  else if (mainWindow) { if (mainWindow.isMinimized()) mainWindow.restore(); mainWindow.focus(); }
});

/** Only our own top frame, showing our own page, may call the API. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender({
    fromMainWindow: !!mainWindow && event.sender === mainWindow.webContents,
    isMainFrame: !!frame && !!mainWindow && frame === mainWindow.webContents.mainFrame,
    url: frame?.url ?? '',
  }, isDev ? process.env.ELECTRON_RENDERER_URL : undefined);
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => { if (url !== contents.getURL()) e.preventDefault(); });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url); // only https links, in the user's browser
    return { action: 'deny' };
  });
}

function createWindow(workspace: Workspace): void {
  mainWindow = new BrowserWindow({
    width: 1400, height: 900, minWidth: 960, minHeight: 600, show: false, title: 'Rembuk',
    icon: path.join(__dirname, '../renderer/icon.png'), // the app icon on Linux and Windows title bars / task bars
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: true,
      allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick', // a middle-click on a link must not open it anywhere (Electronegativity AUXCLICK)
    },
  });
  hardenContents(mainWindow.webContents);
  mainWindow.webContents.on('did-start-loading', () => { rendererListening = false; }); // a reload asks again
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // Before closing, the renderer flushes pending autosaves and answers with app.readyToClose.
  mainWindow.on('close', (e) => {
    if (closingConfirmed || !mainWindow) return;
    e.preventDefault();
    mainWindow.webContents.send(IPC_EVENT_CHANNEL, 'app.flushRequested', {});
    setTimeout(() => { closingConfirmed = true; mainWindow?.close(); }, 3000).unref();
  });
  mainWindow.on('closed', () => { mainWindow = null; workspace.close(); });
  void mainWindow.loadURL(rendererUrl);
}

void app.whenReady().then(() => {
  if (!isFirstInstance) return;
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
  // exports (e.g. "Export my work") arrive as downloads: ask where to save them
  session.defaultSession.on('will-download', (_e, item) => { item.setSaveDialogOptions({ defaultPath: item.getFilename() }); });

  const workspace = new Workspace({
    dataDir: defaultDataDir(), version: app.getVersion(), canPickFiles: true,
    emit: (event, payload) => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, event, payload),
  });
  workspace.reopenLast();
  const host: Host = {
    pickFile: async () => {
      const r = await dialog.showOpenDialog(mainWindow!, {
        properties: ['openFile'], filters: [{ name: 'Masterplan Rembuk', extensions: ['sqlite', 'db'] }, { name: '*', extensions: ['*'] }],
      });
      return r.canceled ? null : r.filePaths[0] ?? null;
    },
    readyToClose: () => { closingConfirmed = true; setImmediate(() => mainWindow?.close()); },
    takeOpenFile: () => { rendererListening = true; const p = pendingOpenFile; pendingOpenFile = null; return p; },
    // --- export (issue 3) ---
    pickSavePath: async (format, defaultName) => {
      const r = await dialog.showSaveDialog(mainWindow!, {
        defaultPath: defaultName,
        filters: format === 'docx' ? [{ name: 'Word', extensions: ['docx'] }] : [{ name: 'Excel', extensions: ['xlsx'] }],
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    openPath: async (file) => {
      const err = await shell.openPath(file);
      if (err) throw new AppError('EXPORT_NOT_FOUND', { id: file });
    },
    showInFolder: (file) => shell.showItemInFolder(file),
  };
  const handlers = createHandlers(workspace, host);
  for (const name of OPERATIONS) {
    ipcMain.handle(IPC_PREFIX + name, async (event, input: unknown) => {
      if (!trustedSender(event)) return { ok: false, error: toPayload(new AppError('UNAUTHORIZED'), workspace.language) };
      return dispatch(handlers, name, input, { language: () => workspace.language, log: (m, e) => console.error(m, e) });
    });
  }
  createWindow(workspace);
});

app.on('web-contents-created', (_e, contents) => hardenContents(contents));
app.on('window-all-closed', () => app.quit());
