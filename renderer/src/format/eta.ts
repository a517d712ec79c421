/** Returns seconds as `42 s`, `3 min 5 s`, `1 h 2 min`. */
export function formatEta(sec: number): string {
  const s = Math.ceil(sec);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
