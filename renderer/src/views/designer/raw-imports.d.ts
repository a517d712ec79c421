// Vite's `?raw` suffix imports a file's text (the example layouts are read at build time).
declare module '*.json?raw' {
  const text: string;
  export default text;
}
