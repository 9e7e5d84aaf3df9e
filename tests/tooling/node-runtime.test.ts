/**
 * Everything runs on Node 24 LTS (docs/decisions/0021-node-24-runtime.md): the bootstrap brings the pinned
 * release when the machine's Node is older, and runs the commands it is given on it. These tests run on
 * whatever `npm test` gave them, so on a machine whose own Node is older they prove the move happened.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSupportedNode, PINNED_NODE, SUPPORTED_NODE } from '../../scripts/node-runtime.mjs';

const root = join(import.meta.dirname, '..', '..');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const MACHINE_NODE = '/usr/bin/node';

function bootstrap(node: string, ...args: string[]) {
  return spawnSync(node, [join(root, 'scripts', 'bootstrap.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTACT_DESK_BOOTSTRAP_QUIET: '1' },
  });
}

describe('the Node that runs Contact Desk', () => {
  it('is the supported line, as package.json states it', () => {
    expect(isSupportedNode(process.version)).toBe(true);
    expect(rootPackage.engines.node).toBe(`>=${SUPPORTED_NODE.major}.${SUPPORTED_NODE.minor} <${SUPPORTED_NODE.major + 1}`);
    expect(isSupportedNode(PINNED_NODE)).toBe(true);
  });

  it.each([
    ['v20.20.2', false],
    ['v22.23.3', false],
    ['v24.10.0', false],
    ['v24.11.0', true],
    ['24.21.0', true],
    ['v26.10.0', false],
  ])('counts %s as supported: %s', (version, supported) => {
    expect(isSupportedNode(version)).toBe(supported);
  });

  it.runIf(existsSync(MACHINE_NODE))("runs --run commands on the supported Node even when started by the machine's", () => {
    const machine = spawnSync(MACHINE_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const result = bootstrap(MACHINE_NODE, '--run', 'node -p process.version');
    expect(result.status, result.stderr).toBe(0);
    const ran = result.stdout.trim();
    expect(isSupportedNode(ran), `started by ${machine}, ran on ${ran}`).toBe(true);
    if (!isSupportedNode(machine)) expect(ran).toBe(`v${PINNED_NODE}`);
  });

  it('appends the arguments after the last command to it, quoted, and stops at the first failure', () => {
    const echo = bootstrap(process.execPath, '--run', 'node -e "console.log(JSON.stringify(process.argv.slice(1)))"', "it's", '--reset');
    expect(echo.status, echo.stderr).toBe(0);
    expect(JSON.parse(echo.stdout)).toEqual(["it's", '--reset']);

    const failed = bootstrap(process.execPath, '--run', 'node -e "process.exit(3)"', '--run', 'node -e "console.log(1)"');
    expect(failed.status).toBe(3);
    expect(failed.stdout).toBe('');
  });
});
