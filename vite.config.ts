import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// codemirror-json-schema renders hover and lint text with markdown-it + shiki (WebAssembly, which the
// CSP forbids, and ~400 kB); the designer's editor uses a plain, escaping renderer instead.
const SCHEMA_MARKDOWN = fileURLToPath(new URL('./renderer/src/components/schema-markdown.ts', import.meta.url));
const plainSchemaMarkdown: Plugin = {
  name: 'provwb-plain-schema-markdown',
  enforce: 'pre',
  resolveId(source, importer) {
    return source === '../utils/markdown' && importer?.includes('codemirror-json-schema') ? SCHEMA_MARKDOWN : null;
  },
};

// The renderer: built into dist/renderer, served by `provwb ui` (browser mode) and by the desktop
// app's app:// protocol. Relative asset URLs work under both; no inline scripts, so the strict CSP holds.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), plainSchemaMarkdown],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No base64-inlined assets: data: URLs for scripts or fonts would need a looser CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
