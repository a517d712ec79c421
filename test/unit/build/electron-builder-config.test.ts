import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);

interface TargetEntry {
  readonly target: string;
  readonly arch?: readonly string[];
}
interface BuilderConfig {
  readonly appId: string;
  readonly productName: string;
  readonly directories: { readonly output: string; readonly buildResources: string };
  readonly files: readonly string[];
  readonly asar: boolean;
  readonly asarUnpack: readonly string[];
  readonly npmRebuild: boolean;
  readonly nativeRebuilder: string;
  readonly afterPack: string;
  readonly publish: null;
  readonly icon: string;
  readonly linux: { readonly target: readonly string[]; readonly icon: string; readonly maintainer: string };
  readonly mac: { readonly target: readonly TargetEntry[]; readonly hardenedRuntime: boolean };
  readonly win: { readonly target: readonly TargetEntry[] };
}
interface PackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly arch: number;
  readonly packager: { readonly executableName: string; readonly appInfo: { readonly productFilename: string } };
}
interface AfterPackModule {
  afterPack(context: PackContext): Promise<void>;
  electronBinaryPath(context: PackContext): string;
  readonly FUSES: Readonly<Record<string, boolean>>;
}

const CONFIG_FILE = path.join(root, 'build', 'electron-builder.config.cjs');
const config = require(CONFIG_FILE) as BuilderConfig;
const hook = require(path.join(root, config.afterPack)) as AfterPackModule;

/** What the Electron security checklist (ARCHITECTURE.md, "Electron fuses set in the build") asks for. */
const REQUIRED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

// @electron/fuses' wire format: sentinel, wire version 1, wire length, then one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in FuseV1Options order: RunAsNode … GrantFileProtocolExtraPrivileges. */
const DEFAULT_WIRE = '10110001';
/** The wire FUSES must produce. */
const HARDENED_WIRE = '01001100';

/** Writes a stand-in for the Electron executable: some bytes, then a fuse wire as Electron carries it. */
function writeFakeElectron(file: string, wire: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1')]));
  chmodSync(file, 0o755);
}

function wireOf(file: string): string {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.toString('latin1', at + 2, at + 2 + bytes[at + 1]!);
}

function linuxContext(appOutDir: string): PackContext {
  return { appOutDir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'provenance-workbench', appInfo: { productFilename: 'Provenance Workbench' } } };
}

describe('build/electron-builder.config.cjs', () => {
  it('is valid against electron-builder’s own schema', async () => {
    // Through electron-builder's own copy of app-builder-lib, whatever npm hoisted.
    const fromBuilder = createRequire(require.resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), asar: 'yes' }, new DebugLogger(false))).rejects.toThrow(/asar/);
  });

  it('names the app and builds deb + AppImage on Linux, dmg + zip on macOS and NSIS on Windows', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe('Provenance Workbench');
    expect([...config.linux.target].sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
    expect(config.mac.target.map((t) => t.target).sort()).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.publish).toBeNull();
  });

  it('ships an asar of the compiled app only, with better-sqlite3’s .node unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    for (const pattern of config.files.filter((f) => !f.startsWith('!'))) expect(pattern, pattern).toMatch(/^(package\.json|dist\/(electron|shared|renderer)\/)/);
    expect(config.files).toContain('!**/*.map');
    expect(config.asarUnpack.some((p) => path.matchesGlob('node_modules/better-sqlite3/build/Release/better_sqlite3.node', p))).toBe(true);
    expect(config.npmRebuild).toBe(true);
    // 'sequential' / 'parallel' rebuild with @electron/rebuild against Electron's headers.
    expect(['sequential', 'parallel']).toContain(config.nativeRebuilder);
    expect(path.relative(root, path.resolve(root, config.directories.output)).startsWith('dist')).toBe(false);
  });

  it('points at icons that exist: the 1024 px PNG and a folder of NxN.png for Linux', () => {
    expect(existsSync(path.join(root, config.icon))).toBe(true);
    const linuxIcons = readdirSync(path.join(root, config.linux.icon)).filter((f) => /^\d+x\d+\.png$/.test(f));
    expect(linuxIcons).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '48x48.png', '128x128.png', '256x256.png', '512x512.png']));
  });

  it('is what `npm run dist` packages with, after a build', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/^npm run build && electron-builder .*--config build\/electron-builder\.config\.cjs/);
  });
});

describe('build/after-pack.cjs', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('sets exactly the fuses the security checklist requires, and leaves the V8 snapshot fuse off', () => {
    expect(hook.FUSES).toEqual({ ...REQUIRED_FUSES, LoadBrowserProcessSpecificV8Snapshot: false });
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    for (const name of Object.keys(hook.FUSES)) expect(FuseV1Options[name], name).toBeTypeOf('number');
  });

  it('takes arm64 to be electron-builder’s Arch 3 (when it re-signs ad hoc on macOS)', () => {
    expect((require('electron-builder') as { Arch: Record<string, number> }).Arch.arm64).toBe(3);
  });

  describe('given a packaged Linux app with Electron’s default fuses', () => {
    it('flips them to the checklist’s settings in the executable', async () => {
      const tmp = tempDir('provwb-fuses-');
      cleanup = tmp.cleanup;
      const binary = path.join(tmp.dir, 'provenance-workbench');
      writeFakeElectron(binary, DEFAULT_WIRE);
      await hook.afterPack(linuxContext(tmp.dir));
      expect(wireOf(binary)).toBe(HARDENED_WIRE);
    });
  });

  describe('given a binary in which Electron marked RunAsNode removed', () => {
    it('fails the build instead of shipping a fuse Electron no longer obeys, and leaves the binary as it was', async () => {
      const tmp = tempDir('provwb-fuses-');
      cleanup = tmp.cleanup;
      const binary = path.join(tmp.dir, 'provenance-workbench');
      writeFakeElectron(binary, `r${DEFAULT_WIRE.slice(1)}`);
      await expect(hook.afterPack(linuxContext(tmp.dir))).rejects.toThrow(/removed the fuse\(s\) RunAsNode/);
      expect(wireOf(binary)).toBe(`r${DEFAULT_WIRE.slice(1)}`);
    });
  });

  describe('given an Electron whose fuse wire is shorter than the fuses we set', () => {
    it('fails the build', async () => {
      const tmp = tempDir('provwb-fuses-');
      cleanup = tmp.cleanup;
      writeFakeElectron(path.join(tmp.dir, 'provenance-workbench'), DEFAULT_WIRE.slice(0, 5));
      await expect(hook.afterPack(linuxContext(tmp.dir))).rejects.toThrow(/not long enough/);
    });
  });

  it('finds the binary on each platform: the executable, the .app bundle, the .exe', () => {
    const out = path.join('/tmp', 'out');
    const context = (electronPlatformName: string): PackContext => ({ ...linuxContext(out), electronPlatformName });
    expect(hook.electronBinaryPath(context('linux'))).toBe(path.join(out, 'provenance-workbench'));
    expect(hook.electronBinaryPath(context('darwin'))).toBe(path.join(out, 'Provenance Workbench.app'));
    expect(hook.electronBinaryPath(context('win32'))).toBe(path.join(out, 'Provenance Workbench.exe'));
  });
});

describe('packaging with electron-builder (offline, a stand-in Electron)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  // About 10 s alone; generous time, as the whole suite shares two cores.
  it('packs dist/ and production modules into app.asar, unpacks better-sqlite3’s .node and flips the fuses', () => {
    const tmp = tempDir('provwb-pack-');
    cleanup = tmp.cleanup;
    // electron-builder takes an unpacked Electron from electronDist instead of downloading one;
    // rebuilding native modules needs Electron's headers (network), so that step is left out here.
    const electronDist = path.join(tmp.dir, 'electron-dist');
    writeFakeElectron(path.join(electronDist, 'electron'), DEFAULT_WIRE);
    writeFileSync(path.join(electronDist, 'LICENSE'), 'stand-in');
    writeFileSync(path.join(electronDist, 'version'), (require('electron/package.json') as { version: string }).version);
    const output = path.join(tmp.dir, 'release');
    const builder = spawnSync(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--config', CONFIG_FILE, '--linux', 'dir', '-c.npmRebuild=false', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '' } },
    );
    expect(builder.status, builder.stdout + builder.stderr).toBe(0);

    const appOutDir = path.join(output, 'linux-unpacked');
    expect(wireOf(path.join(appOutDir, 'provenance-workbench'))).toBe(HARDENED_WIRE);
    const { listPackage } = require('@electron/asar') as { listPackage(file: string): string[] };
    const files = listPackage(path.join(appOutDir, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/electron/app/main.js', '/dist/electron/app/preload.cjs', '/dist/electron/engine/open-workbench.js', '/node_modules/better-sqlite3/lib/index.js']));
    const ours = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(ours.filter((f) => /\.(map|ts|cts|tsx)$/.test(f) || f.startsWith('/dist/tsc') || /^\/(electron|renderer|shared|test|scripts|build)\//.test(f))).toEqual([]);
    // Development tools never reach the package.
    for (const devOnly of ['electron', 'vitest', 'typescript', 'electron-builder', '@doyensec']) expect(files.some((f) => f.startsWith(`/node_modules/${devOnly}/`)), devOnly).toBe(false);
    expect(existsSync(path.join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
  }, 180_000);
});
