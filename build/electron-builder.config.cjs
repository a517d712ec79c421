'use strict';
/**
 * electron-builder configuration for the desktop app (`npm run dist`). Linux deb + AppImage are the
 * primary targets; macOS dmg/zip and Windows NSIS are configured so a build on those hosts needs no
 * further setup. Packaging downloads the Electron binary and headers, so it needs the network.
 * The unit test test/unit/build/electron-builder-config.test.ts checks this file against
 * electron-builder's own schema and the security checklist.
 */

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'dev.provwb.workbench',
  productName: 'Provenance Workbench',
  copyright: 'Copyright © Provenance Workbench contributors. Apache-2.0.',
  directories: {
    // Outside dist/: packages must never end up inside the next package's files.
    output: 'release',
    buildResources: 'build',
  },
  // Only the compiled app and the built renderer; no sources, maps, declarations or the type-check
  // output in dist/tsc. electron-builder adds the production node_modules (dependencies only).
  files: [
    'package.json',
    'dist/electron/**/*.js',
    'dist/electron/**/*.cjs',
    'dist/shared/**/*.js',
    'dist/renderer/**/*',
    '!**/*.map',
    // better-sqlite3 needs lib/ and its compiled .node; its bundled SQLite sources are 10 MB of C.
    '!**/node_modules/better-sqlite3/{deps,src}/**',
    '!**/node_modules/better-sqlite3/build/Release/{obj,obj.target,.deps}/**',
    '!**/node_modules/better-sqlite3/build/Release/{test_extension.node,*.a}',
  ],
  asar: true,
  // A .node library must be a real file to be dlopen()ed; it cannot load from inside app.asar.
  asarUnpack: ['**/node_modules/better-sqlite3/build/Release/*.node'],
  // better-sqlite3 is compiled for Electron's ABI (not the system Node's) at package time, by
  // @electron/rebuild, from the source npm installed rather than a downloaded prebuilt binary.
  // @electron/rebuild 4 declares Node >= 22.12: on Node 20 npm warns EBADENGINE, which is only a warning.
  npmRebuild: true,
  nativeRebuilder: 'sequential',
  buildDependenciesFromSource: true,
  // Fuses: build/after-pack.cjs (before signing, so signatures cover them). A hook rather than the
  // `electronFuses` option because it also reads the fuses back and fails on one Electron removed.
  afterPack: './build/after-pack.cjs',
  // `npm run dist` only builds; nothing is uploaded anywhere, even on a tagged CI build.
  publish: null,
  icon: 'build/icons/1024x1024.png',
  linux: {
    target: ['deb', 'AppImage'],
    category: 'Development',
    synopsis: 'Local-first software provenance workbench',
    // A directory of NxN.png files: each size goes to the freedesktop icon theme.
    icon: 'build/icons',
    maintainer: 'Provenance Workbench maintainers <maintainers@users.noreply.r-seed-423db2df.example>',
  },
  mac: {
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    category: 'public.app-category.developer-tools',
    // Required for notarization; Electron's default entitlements keep V8's JIT working under it.
    hardenedRuntime: true,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

module.exports = config;
