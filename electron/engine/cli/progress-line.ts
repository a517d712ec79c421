/** A progress line on a TTY: `label  42% 1.2 GB/2.9 GB  310 MB/s  ETA 6 s`, redrawn at most 10 times a second. */
export function createProgressLine(stream: NodeJS.WriteStream, nowMs: () => number): (done: number, total: number, label: string) => void {
  const startedMs = nowMs();
  let lastDrawMs = 0;
  return (done, total, label) => {
    const now = nowMs();
    const finished = done >= total;
    if (!finished && now - lastDrawMs < 100) return;
    lastDrawMs = now;
    const seconds = Math.max((now - startedMs) / 1000, 1e-3);
    const rate = done / seconds;
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    const eta = rate > 0 && !finished ? `  ETA ${Math.ceil((total - done) / rate)} s` : '';
    stream.write(`\r\x1b[2K${label}  ${percent}% ${formatAmount(done)}/${formatAmount(total)}  ${formatAmount(rate)}/s${eta}`);
    if (finished) stream.write('\n');
  };
}

function formatAmount(n: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)}${units[unit]}`;
}
