// End-to-end run in headless Chromium: add a source on the sources page, watch it index, search, open a photo.
// Usage: node e2e/e2e.mjs BASE_URL SOURCE_PATH OUT_DIR   (CHROMIUM overrides /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, source, out] = process.argv.slice(2);
if (!base || !source || !out) {
  console.error('usage: node e2e/e2e.mjs BASE_URL SOURCE_PATH OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'photosearch-e2e-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  locale: 'en-GB',
  viewport: { width: 1200, height: 900 },
});
const step = (text) => console.log(`e2e: ${text}`);
const errors = [];
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  step('add the source and follow its indexing');
  await page.goto(`${base}/sources`);
  await page.getByText('Nothing is indexed yet.').waitFor();
  await page.getByLabel('Folder, export or URL list on the server').fill(source);
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByText(/^Done: \d+ new/).waitFor({ timeout: 90_000 });
  await page.getByText(/— 13 photos/).waitFor();
  await page.screenshot({ path: join(out, 'sources.png') });

  step('search');
  await page.getByRole('link', { name: 'Back to search' }).click();
  await page.getByRole('searchbox').fill('a boat on a lake');
  await page.locator('button.card').first().waitFor();
  await page.waitForFunction(() => location.search === '?q=a+boat+on+a+lake');
  const first = page.locator('button.card').first();
  const firstText = await first.textContent();
  if (!firstText.includes('Lake Annecy')) throw new Error(`first result is not the boat: ${firstText}`);
  await page.waitForFunction(() => [...document.querySelectorAll('button.card img')]
    .every((img) => img.complete && img.naturalWidth > 0 && img.alt));
  await page.screenshot({ path: join(out, 'results.png') });

  step('open the first result with the keyboard');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByText('Lake Annecy').first().waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector('.detail .frame img');
    return img && img.complete && img.naturalWidth > 0;
  });
  await dialog.getByRole('heading', { name: 'Similar photos' }).waitFor();
  if (!new URL(page.url()).searchParams.get('photo')) throw new Error('the open photo is not in the URL');
  await page.screenshot({ path: join(out, 'detail.png') });

  step('reload keeps the search and the photo; Escape closes it');
  await page.reload();
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  if ((await page.getByRole('searchbox').inputValue()) !== 'a boat on a lake') throw new Error('query lost on reload');

  step('phone-sized screen, in French');
  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Chercher' }).waitFor();
  await page.screenshot({ path: join(out, 'phone-fr.png') });

  if (errors.length) throw new Error(`errors in the page: ${errors.join('\n')}`);
  step('passed');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
