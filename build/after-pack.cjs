'use strict';
/**
 * electron-builder's afterPack hook: flips the packaged Electron binary's fuses to the security
 * checklist's settings, then reads them back. afterPack runs before code signing, so on macOS and
 * Windows the signature covers the flipped fuses (flipping after signing would break it).
 * CommonJS because electron-builder requires hooks; the unit test loads it the same way.
 */

const path = require('node:path');
const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = require('@electron/fuses');

/**
 * The fuse settings the package ships with, by @electron/fuses option name. Each one removes a way
 * to make the signed app run code that is not the app's own.
 */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE=1 would turn the signed binary into a general-purpose Node interpreter.
  RunAsNode: false,
  // Cookies and other Chromium secrets are encrypted at rest with an OS-keychain key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS=--require=… would load arbitrary code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would open a debugger on the main process to any local program.
  EnableNodeCliInspectArguments: false,
  // app.asar must match the hash recorded at package time (enforced on macOS and Windows; Linux
  // has no embedded integrity yet, where the fuse is a no-op).
  EnableEmbeddedAsarIntegrityValidation: true,
  // With integrity on, an unpacked app/ folder beside app.asar must not be loaded instead of it.
  OnlyLoadAppFromAsar: true,
  // The app ships no custom V8 snapshot; set explicitly so the wire holds no inherited surprise.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The renderer is served from app://, never file://, so file:// needs no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/** Returns the @electron/fuses config (option index → boolean) for FUSES. */
function fuseConfig(resetAdHocDarwinSignature) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`bug: @electron/fuses has no fuse ${name}`);
    config[index] = value;
  }
  return config;
}

/** Returns the path @electron/fuses takes for the packaged app: the executable, or the .app bundle on macOS. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`bug: no Electron binary path for platform ${electronPlatformName}`);
  }
}

// electron-builder's Arch enum value for arm64 (builder-util's Arch: ia32 0, x64 1, armv7l 2, arm64 3).
const ARCH_ARM64 = 3;

/**
 * Flips the fuses of the packaged binary and fails the build unless each now reads as FUSES says.
 * A fuse this Electron marks removed fails it too: its byte would be written but not obeyed, so the
 * checklist needs a fresh look rather than a package that only appears hardened.
 */
async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const byte = { removed: 'r'.charCodeAt(0), false: '0'.charCodeAt(0), true: '1'.charCodeAt(0) };
  const before = await getCurrentFuseWire(binary);
  const removed = Object.keys(FUSES).filter((name) => before[FuseV1Options[name]] === byte.removed);
  if (removed.length > 0) throw new Error(`${binary}: this Electron has removed the fuse(s) ${removed.join(', ')}; review build/after-pack.cjs against Electron's fuse documentation`);
  // Rewriting the binary voids macOS arm64's mandatory ad-hoc signature; re-sign it ad hoc
  // (a real identity, when configured, signs over it afterwards).
  const isDarwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, fuseConfig(isDarwin && context.arch === ARCH_ARM64));
  const after = await getCurrentFuseWire(binary);
  for (const [name, value] of Object.entries(FUSES)) {
    const state = after[FuseV1Options[name]];
    if (state !== byte[value]) throw new Error(`${binary}: fuse ${name} reads ${String(state)} after flipping, not ${value ? 'enabled' : 'disabled'}`);
  }
}

module.exports = { afterPack, electronBinaryPath, fuseConfig, FUSES };
