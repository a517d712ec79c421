/**
 * Stands in for codemirror-json-schema's markdown renderer (vite.config.ts swaps it in): that one
 * loads shiki, whose highlighter compiles WebAssembly the page's CSP forbids and adds ~400 kB.
 * Schema descriptions and messages are shown as text, with `code` spans; every character of the
 * input is escaped, since the result is assigned to innerHTML and schemas come from logs.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Returns HTML for a short markdown text: escaped, `code` spans kept, paragraphs split on blank lines. */
export function renderMarkdown(markdown: string, inline = true): string {
  const html = escapeHtml(String(markdown)).replace(/`([^`\n]+)`/g, '<code>$1</code>');
  if (inline) return html;
  return html
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}
