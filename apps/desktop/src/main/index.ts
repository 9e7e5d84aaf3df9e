import { BrowserWindow, Menu, Notification, app, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppFile } from './app-protocol';
import { buildContentSecurityPolicy, installContentSecurityPolicy, withContentSecurityPolicy } from './content-security-policy';
import { createCredentialStore, learnEnrolledRelays } from './credential-store';
import { createEnrollment } from './enrollment';
import { registerIpcHandlers } from './ipc-handlers';
import { createLog, fileSink, type Log } from './log';
import { buildMenuTemplate, type UpdateMenuItem } from './menu';
import { createNativeServices } from './native-services';
import { launchQuery } from './launch-query';
import { guardWebContents, installPermissionHandlers } from './navigation-guard';
import { originOf } from './origin';
import { openMainWindow } from './window-options';
import { createRelayOriginAllowList } from './relay-origin-allow-list';
import { gatherUpdateFacts, startUpdates } from './update-service';
import { planUpdates, updateNotice } from './updates';

const here = import.meta.dirname;
/** Sandboxed preloads cannot be ES modules: the preload is built as CommonJS. */
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');

/** In development electron-vite serves the renderer; packaged builds use app://contact-desk. */
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const devServerOrigin = devServerUrl === undefined ? null : originOf(devServerUrl);
const appOrigin = devServerOrigin ?? APP_ORIGIN;

const relayOrigins = createRelayOriginAllowList();
const currentPolicy = (): string =>
  buildContentSecurityPolicy({
    relayOrigins: relayOrigins.origins(),
    ...(devServerOrigin === null ? {} : { devServerOrigin }),
  });

function createMainWindow(): BrowserWindow {
  const window = openMainWindow(BrowserWindow, PRELOAD_PATH);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${devServerUrl ?? APP_ENTRY_URL}${launchQuery(process.env['CONTACT_DESK_LAUNCH_QUERY'], app.isPackaged)}`);
  return window;
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, RENDERER_DIR);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = withContentSecurityPolicy({}, currentPolicy());
    const merged = new Headers(response.headers);
    for (const [name, [value]] of Object.entries(headers)) if (value !== undefined) merged.set(name, value);
    return new Response(response.body, { status: response.status, headers: merged });
  });
}

function setMenu(update?: UpdateMenuItem): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, app.isPackaged, update)));
}

/** The version the user was last told of: each later check finds it downloaded again, and says nothing more. */
let announcedVersion: string | null = null;

/** A downloaded update is offered, never forced: a menu item restarts with it, a notice says so once. */
function offerUpdate(version: string, install: () => void): void {
  const notice = updateNotice(app.getLocale(), version);
  setMenu({ label: notice.menuLabel, install });
  if (announcedVersion === version) return;
  announcedVersion = version;
  if (Notification.isSupported()) new Notification({ title: notice.title, body: notice.body }).show();
}

async function checkForUpdates(log: Log): Promise<void> {
  const plan = planUpdates(await gatherUpdateFacts(app.isPackaged, process.resourcesPath ?? ''));
  await startUpdates(plan, log, offerUpdate);
}

function start(): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appOrigin, (url) => shell.openExternal(url));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    const log = createLog([(line) => process.stderr.write(line), fileSink(join(app.getPath('logs'), 'main.log'))]);
    serveRenderer();
    installContentSecurityPolicy(session.defaultSession, currentPolicy);
    installPermissionHandlers(session.defaultSession, appOrigin);
    setMenu();

    const credentials = createCredentialStore(join(app.getPath('userData'), 'credentials'), safeStorage, (profile, urls) => {
      relayOrigins.allow(profile, urls);
    });
    // The page's policy is fixed when it loads: it must name every enrolled relay from the first load.
    await learnEnrolledRelays(credentials, (profile, error) =>
      log.warn(`credentials of profile ${profile} cannot be read: ${String(error)}`),
    );
    const enroll = createEnrollment((url, init) => net.fetch(url, init), credentials);
    registerIpcHandlers(ipcMain, appOrigin, createNativeServices(credentials, enroll));

    mainWindow = createMainWindow();
    void checkForUpdates(log).catch((error: unknown) => log.error(`updates: ${String(error)}`));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });
}

start();
