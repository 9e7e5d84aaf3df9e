import type { MenuItemConstructorOptions } from 'electron';

/** A downloaded update the user may install now: the item's label and what it does. */
export interface UpdateMenuItem {
  readonly label: string;
  readonly install: () => void;
}

/**
 * The application menu: standard roles only, and, once an update is downloaded, an item first in
 * the Help menu that restarts with it; developer tools exist only in unpackaged builds.
 */
export function buildMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean, update?: UpdateMenuItem): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const fileMenu: MenuItemConstructorOptions = {
    role: 'fileMenu',
    submenu: [isMac ? { role: 'close' } : { role: 'quit' }],
  };
  const editMenu: MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const viewMenu: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const updateItems: MenuItemConstructorOptions[] =
    update === undefined ? [] : [{ id: 'install-update', label: update.label, click: () => update.install() }, { type: 'separator' }];
  const helpMenu: MenuItemConstructorOptions = { role: 'help', submenu: [...updateItems, { role: 'about' }] };
  return [...appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
