import { BIG_SIZE, expect, shot, test } from './fixtures.js';

test.describe('explorer', () => {
  test('opens an entry with its decoded body and the verdict the page computed itself', async ({ app, workbench }, testInfo) => {
    const typed = workbench.seed!.signed[0]!;
    await app.goto(`${workbench.origin}/#/explorer?index=${typed.logIndex}`);
    const detail = app.getByRole('article', { name: `Entry ${typed.logIndex}` });
    await expect(detail.getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
    await expect(detail.getByText('hashedrekord 0.0.1')).toBeVisible();
    await expect(detail.getByLabel('Entry body')).toContainText(typed.sha256);
    for (const check of ['leaf', 'checkpoint', 'inclusion', 'set']) {
      await expect(detail.locator(`[data-check="${check}"]`)).toHaveAttribute('data-status', 'pass');
    }
    await expect(detail.getByRole('region', { name: 'Search keys' })).toContainText(typed.keyFingerprint);
    await shot(app, testInfo, 'explorer-typed-entry');
  });

  test('a cold load of the explorer starts with its own code; other views follow it, the entry detail comes with the first selection', async ({ app, workbench }) => {
    const html = await (await app.request.get(`${workbench.origin}/`)).text();
    const initial = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(initial.some((s) => s.startsWith('index-'))).toBe(true);
    expect(initial.filter((s) => /^(Dashboard|DesignerView|ProofViewer|ConsistencyView|EntryDetail|note)-/.test(s))).toEqual([]);

    await app.evaluate(() => (window.location.hash = '#/explorer'));
    const scripts: string[] = [];
    app.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.split('/').pop()!);
    });
    await app.reload();
    const list = app.getByRole('listbox', { name: 'Entries' });
    await expect(list.getByRole('option').first()).toBeVisible();
    // Once the explorer is up, the other views are fetched (so switching needs no round trip); the designer stays on demand.
    await expect.poll(() => scripts.some((s) => s.startsWith('ConsistencyView-'))).toBe(true);
    expect(scripts.filter((s) => /^(DesignerView|EntryDetail)-/.test(s))).toEqual([]);

    await list.getByRole('option').first().click();
    await expect(app.getByRole('article', { name: 'Entry 0' }).getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
    expect(scripts.some((s) => s.startsWith('EntryDetail-'))).toBe(true);
  });

  test('searches by digest, key fingerprint, custom field and log index', async ({ app, workbench }, testInfo) => {
    const seed = workbench.seed!;
    await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Explorer/ }).click();
    const search = app.getByRole('searchbox', { name: 'Search entries' });
    const results = app.getByRole('listbox', { name: 'Search results' });

    await search.fill(seed.signed[1]!.sha256);
    await search.press('Enter');
    await expect(app.getByTestId('search-summary')).toHaveText(/^1 match for digest or uuid/);
    await expect(results.getByRole('option')).toHaveCount(1);
    await expect(results.getByRole('option').first()).toHaveAttribute('data-log-index', String(seed.signed[1]!.logIndex));

    await search.fill(`key:${seed.signed[2]!.keyFingerprint}`);
    await search.press('Enter');
    await expect(results.getByRole('option').first()).toHaveAttribute('data-log-index', String(seed.signed[2]!.logIndex));

    await search.fill(seed.custom.field);
    await search.press('Enter');
    await expect(app.getByTestId('search-summary')).toHaveText(`1 match for field ${seed.custom.field}`);
    await results.getByRole('option').first().click();
    const detail = app.getByRole('article', { name: `Entry ${seed.custom.logIndex}` });
    await expect(detail.getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
    await expect(detail.getByText(seed.custom.kindLabel)).toBeVisible();
    await shot(app, testInfo, 'explorer-search-field');

    await search.fill('#12');
    await search.press('Enter');
    await expect(app.getByRole('article', { name: 'Entry 12' }).getByLabel('Entry body')).toHaveText('entry 12');
  });

  test.describe('given a database whose stored bodies were altered on disk', () => {
    test.use({ seed: 'tampered' });

    test('shows FAILED for the altered raw and typed entries, and Verified for an untouched one', async ({ app, workbench }, testInfo) => {
      await app.goto(`${workbench.origin}/#/explorer?index=5`);
      const raw = app.getByRole('article', { name: 'Entry 5' });
      await expect(raw.getByRole('status', { name: 'Entry verification: failed' })).toBeVisible();
      await expect(raw.locator('[data-check="leaf"]')).toHaveAttribute('data-status', 'fail');
      await expect(raw.locator('[data-check="inclusion"]')).toHaveAttribute('data-status', 'fail');
      await expect(raw.locator('[data-check="checkpoint"]')).toHaveAttribute('data-status', 'pass');
      await expect(raw.getByLabel('Entry body')).toHaveText('Entry 5');
      await shot(app, testInfo, 'explorer-tampered-raw');

      const typed = workbench.tampered[1]!;
      await app.goto(`${workbench.origin}/#/explorer?index=${typed}`);
      const entry = app.getByRole('article', { name: `Entry ${typed}` });
      await expect(entry.getByRole('status', { name: 'Entry verification: failed' })).toBeVisible();
      await expect(entry.locator('[data-check="leaf"]')).toHaveAttribute('data-status', 'fail');
      // The engine signs no SET over a body that no longer hashes to its leaf, and the page says so.
      await expect(entry.locator('[data-check="set"]')).toHaveAttribute('data-status', 'fail');
      await shot(app, testInfo, 'explorer-tampered-typed');

      await app.goto(`${workbench.origin}/#/explorer?index=6`);
      await expect(app.getByRole('article', { name: 'Entry 6' }).getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
    });
  });

  test.describe('given a log of a million entries', () => {
    test.use({ seed: 'big' });
    test.setTimeout(120_000);

    test('scrolls the whole log with rows paged in on demand and a bounded DOM', async ({ app, workbench }, testInfo) => {
      await app.goto(`${workbench.origin}/#/explorer`);
      const list = app.getByRole('listbox', { name: 'Entries' });
      await expect(list.getByRole('option').first()).toContainText('entry 0');
      const scrollHeight = await list.evaluate((el) => el.scrollHeight);
      expect(scrollHeight).toBeGreaterThanOrEqual(BIG_SIZE * 26);

      // Fling through the log: 60 frames, each jumping ~1/60 of it, as a fast scrollbar drag does.
      const frames = await list.evaluate(async (el) => {
        const times: number[] = [];
        let last = performance.now();
        for (let i = 1; i <= 60; i++) {
          el.scrollTop = (el.scrollHeight - el.clientHeight) * (i / 60);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const now = performance.now();
          times.push(now - last);
          last = now;
        }
        return times.sort((a, b) => a - b);
      });
      const p90 = frames[Math.floor(frames.length * 0.9)]!;
      testInfo.annotations.push({ type: 'scroll p90 frame ms', description: p90.toFixed(1) });
      // Generous for a loaded CI box; rendering a million rows, or a page per row, takes seconds.
      expect(p90).toBeLessThan(250);
      expect(await list.getByRole('option').count()).toBeLessThan(120);
      await expect(list.getByRole('option').last()).toContainText(`entry ${BIG_SIZE - 1}`);

      await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      await expect(list.locator('[data-log-index="500000"]')).toContainText('entry 500000');
      await list.locator('[data-log-index="500000"]').click();
      await expect(app.getByRole('article', { name: 'Entry 500000' }).getByRole('status', { name: 'Entry verification: passed' })).toBeVisible();
      await shot(app, testInfo, 'explorer-million');
    });

    test('a fling draws each row as its index only and loads no page until the list settles', async ({ app, workbench }) => {
      await app.goto(`${workbench.origin}/#/explorer`);
      const list = app.getByRole('listbox', { name: 'Entries' });
      await expect(list.getByRole('option').first()).toContainText('entry 0');
      const pageLoads: string[] = [];
      app.on('request', (request) => {
        if (request.url().endsWith('/api/call/entries.list')) pageLoads.push(request.postData() ?? '');
      });

      // As the ui bench's fling, each jump 1/60 of the log with its scroll event delivered at once (the
      // list renders synchronously on it). The jumps come back to back in one task, so no timer (a page
      // load, the settle) can run between them, however loaded the machine is.
      const frames = await list.evaluate((el) => {
        const seen: Array<{ rows: number; skim: number; indexOnly: boolean; labelled: boolean }> = [];
        for (let i = 1; i <= 30; i++) {
          el.scrollTop = ((el.scrollHeight - el.clientHeight) * i) / 60;
          el.dispatchEvent(new Event('scroll'));
          const rows = Array.from(el.querySelectorAll<HTMLElement>('[role="option"]'));
          seen.push({
            rows: rows.length,
            skim: rows.filter((r) => r.classList.contains('skim')).length,
            indexOnly: rows.every((r) => r.children.length === 0 && r.textContent === Number(r.dataset.logIndex).toLocaleString('en-US')),
            labelled: rows.every((r) => r.getAttribute('aria-label') === `Entry ${r.dataset.logIndex}` && r.hasAttribute('aria-posinset') && r.hasAttribute('aria-selected')),
          });
        }
        return seen;
      });
      // The first long jump may be a lone one (End, a jump to an index): it shows full rows. From the
      // second on the list skims: the rows on screen only, each an option with its index alone.
      for (const frame of frames.slice(1)) {
        expect(frame.skim).toBe(frame.rows);
        expect(frame.indexOnly).toBe(true);
        expect(frame.labelled).toBe(true);
      }
      expect(Math.max(...frames.map((f) => f.rows))).toBeLessThan(45);
      expect(pageLoads).toEqual([]);

      // Settled: the rows on screen load and show in full.
      const middle = Math.round((30 / 60) * (BIG_SIZE - 1));
      await expect(list.locator('.skim')).toHaveCount(0);
      const shown = list.locator('[role="option"]').nth(5);
      const index = Number(await shown.getAttribute('data-log-index'));
      expect(Math.abs(index - middle)).toBeLessThan(60);
      await expect(shown).toContainText(`entry ${index}`);
      expect(pageLoads).toHaveLength(1);
    });
  });
});
