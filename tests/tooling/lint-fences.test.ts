/**
 * The process fences of eslint.config.js (docs/decisions/0026-process-fences-and-typed-lint.md): each
 * area's forbidden import or global is an error there, and what the area lives on is not. The
 * repository's own configuration lints each text as a file of that area; the fences need no types,
 * so type-aware parsing is left out to keep this quick.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const FENCE_RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
});

/** The fence rules a text breaks as the file `path`, each `rule: message`; throws on a parse error. */
async function fencesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  if (!result) throw new Error(`ESLint gave no result for ${path}`);
  const fatal = result.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${path}: ${fatal.message}`);
  return result.messages
    .filter((message) => FENCE_RULES.has(message.ruleId ?? ''))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

interface Area {
  readonly name: string;
  /** A file of the area (it need not exist). */
  readonly path: string;
  readonly allowed: string;
  readonly forbidden: readonly string[];
}

const AREAS: readonly Area[] = [
  {
    name: 'the main process',
    path: 'apps/desktop/src/main/fence-probe.ts',
    allowed:
      "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { IPC_CHANNELS } from '../ipc/contract';\nexport { app, join, IPC_CHANNELS };",
    forbidden: [
      "import { useState } from 'react';",
      "import { FEATURE_TEXTS } from '../renderer/src/app/features';",
      "import '../preload/index';",
      'export const title = document.title;',
    ],
  },
  {
    name: 'the preload',
    path: 'apps/desktop/src/preload/fence-probe.ts',
    allowed:
      "import { contextBridge, ipcRenderer } from 'electron';\nimport { IPC_CHANNELS } from '../ipc/contract';\nexport { contextBridge, ipcRenderer, IPC_CHANNELS };",
    forbidden: [
      "import { readFile } from 'node:fs/promises';",
      "import { spawn } from 'child_process';",
      "import { shell } from 'electron';",
      "import { createWindow } from '../main/index';",
      "import { FEATURE_TEXTS } from '../renderer/src/app/features';",
      'export const home = process.env.HOME;',
    ],
  },
  {
    name: 'the page',
    path: 'apps/desktop/src/renderer/src/app/fence-probe.ts',
    allowed:
      "import { useState } from 'react';\nimport type { DesktopApi } from '../../../ipc/contract';\nexport const api: DesktopApi | undefined = window.contactDesk;\nexport { useState };",
    forbidden: [
      "import { ipcRenderer } from 'electron';",
      "import { readFileSync } from 'fs';",
      "import { join } from 'node:path';",
      "import { log } from '../../../main/log';",
      "import '../../../preload/index';",
      "export const loaded = require('x');",
    ],
  },
  {
    name: 'the IPC contract',
    path: 'apps/desktop/src/ipc/fence-probe.ts',
    allowed:
      "import { z } from 'zod';\nimport type { ProtocolError } from '@contact-desk/shared';\nexport type Refusal = ProtocolError;\nexport const schema = z.string();",
    forbidden: [
      "import { app } from 'electron';",
      "import { readFile } from 'node:fs/promises';",
      "import { useState } from 'react';",
      'export const here = window.location.href;',
      'export const home = process.env.HOME;',
    ],
  },
  {
    name: 'packages/sync',
    path: 'packages/sync/src/fence-probe.ts',
    allowed: "import Dexie from 'dexie';\nimport { io } from 'socket.io-client';\nexport { Dexie, io };",
    forbidden: [
      "import { readFile } from 'node:fs/promises';",
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      'export const here = window.location.href;',
      'export const home = process.env.HOME;',
    ],
  },
  {
    name: 'packages/exports',
    path: 'packages/exports/src/fence-probe.ts',
    allowed: "import ExcelJS from 'exceljs';\nimport { figuresCells } from '@contact-desk/shared';\nexport { ExcelJS, figuresCells };",
    forbidden: ["import { app } from 'electron';", "import { useState } from 'react';", "import Dexie from 'dexie';"],
  },
  {
    name: 'the relay',
    path: 'apps/relay/src/fence-probe.ts',
    allowed: "import { createServer } from 'node:http';\nimport { Server } from 'socket.io';\nexport { createServer, Server };",
    forbidden: [
      "import { createRoot } from 'react-dom/client';",
      "import { app } from 'electron';",
      "import Dexie from 'dexie';",
      'export const title = document.title;',
      'export const saved = localStorage.getItem("x");',
    ],
  },
  {
    name: 'packages/shared',
    path: 'packages/shared/src/fence-probe.ts',
    allowed: "import { z } from 'zod';\nexport const schema = z.string();",
    forbidden: [
      "import { readFile } from 'node:fs/promises';",
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      'export const env = process.env;',
    ],
  },
];

describe('process fences', () => {
  for (const area of AREAS) {
    it(`${area.name}: its own imports pass`, async () => {
      expect(await fencesBroken(area.path, area.allowed)).toEqual([]);
    });

    for (const code of area.forbidden) {
      it(`${area.name}: refuses ${code}`, async () => {
        const broken = await fencesBroken(area.path, code);
        expect(broken).toHaveLength(1);
      });
    }

    it(`${area.name}: keeps the date-fns subpath rule`, async () => {
      const broken = await fencesBroken(area.path, "import { getISOWeek } from 'date-fns';\nexport { getISOWeek };");
      expect(broken).toEqual([expect.stringContaining('date-fns/getISOWeek')]);
      expect(await fencesBroken(area.path, "import { getISOWeek } from 'date-fns/getISOWeek';\nexport { getISOWeek };")).toEqual([]);
    });
  }
});
