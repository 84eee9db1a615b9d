// End-to-end run in headless Chromium: add a source on the sources page, watch it index, browse it by month with
// an empty box, search (the likely match before the "Less likely" divider), open a photo, then read a date and a
// place as chips and remove the date's.
// Usage: node e2e/e2e.mjs BASE_URL SOURCE_PATH OUT_DIR [TOKEN]   (CHROMIUM overrides /usr/bin/chromium)
// With TOKEN (a server started with --token), the page must ask for it exactly once, when Add is refused with 401;
// the run then ends after the search.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, source, out, token] = process.argv.slice(2);
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
  // The refused Add logs its 401 in the console; that one is expected with a token.
  page.on('console', (m) => m.type() === 'error' && !(token && m.text().includes('401')) && errors.push(m.text()));
  let prompts = 0;
  page.on('dialog', async (dialog) => {
    if (dialog.type() === 'prompt' && token) {
      prompts++;
      await dialog.accept(token);
    } else {
      await dialog.dismiss();
    }
  });

  step('add the source and follow its indexing');
  await page.goto(`${base}/sources`);
  await page.getByText('Nothing is indexed yet.').waitFor();
  await page.getByLabel('Folder, export or URL list on the server').fill(source);
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByText(/^Done: \d+ new/).waitFor({ timeout: 90_000 });
  await page.getByText(/— 13 photos/).waitFor();
  await page.screenshot({ path: join(out, 'sources.png') });
  if (token && prompts !== 1) throw new Error(`the page asked for the token ${prompts} times, not once`);

  await page.getByRole('link', { name: 'Back to search' }).click();
  await browseSteps(page);

  step('search');
  await page.getByRole('searchbox').fill('a boat on a lake');
  await page.locator('button.card').first().waitFor();
  await page.waitForFunction(() => location.search === '?q=a+boat+on+a+lake');
  const first = page.locator('button.card').first();
  const firstText = await first.textContent();
  if (!firstText.includes('Lake Annecy')) throw new Error(`first result is not the boat: ${firstText}`);
  await page.waitForFunction(() => [...document.querySelectorAll('button.card img')]
    .every((img) => img.complete && img.naturalWidth > 0 && img.alt));
  await page.screenshot({ path: join(out, 'results.png') });
  await likelySteps(page);
  if (!token) await detailSteps(page, first);
  if (!token) await readingSteps(page);
  if (errors.length) throw new Error(`errors in the page: ${errors.join('\n')}`);
  step('passed');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

/** With the box empty, the collection newest first under month headings; a date filter narrows it, then is cleared. */
async function browseSteps(page) {
  step('browse the collection with an empty box');
  await page.getByText('13 photos, newest first').waitFor();
  const months = await page.locator('section.month h2').allTextContents();
  const newestFirst = ['November 2023', 'October 2023', 'September 2023', 'August 2023', 'July 2023', 'May 2023',
    'April 2023', 'March 2023', 'January 2023', 'December 2022'];
  if (months.join() !== newestFirst.join()) throw new Error(`month headings are not newest first: ${months}`);
  // Lower months' thumbnails load lazily, when scrolled to: the first month's are in view.
  await page.waitForFunction(() => [...document.querySelectorAll('section.month:first-of-type button.card img')]
    .every((img) => img.complete && img.naturalWidth > 0 && img.alt));
  await page.screenshot({ path: join(out, 'browse.png') });

  step('a date filter narrows the months');
  await page.getByLabel('From', { exact: true }).fill('2023-07-01');
  await page.getByLabel('To', { exact: true }).fill('2023-08-31');
  await page.getByText('3 photos, newest first').waitFor();
  const summer = await page.locator('section.month h2').allTextContents();
  if (summer.join() !== 'August 2023,July 2023') throw new Error(`the date filter left these months: ${summer}`);
  if (new URL(page.url()).searchParams.get('from') !== '2023-07-01') throw new Error('the filter is not in the URL');
  await page.getByLabel('From', { exact: true }).fill('');
  await page.getByLabel('To', { exact: true }).fill('');
  await page.getByText('13 photos, newest first').waitFor();
}

/** Opens the first result, reloads, closes it, then looks at the page on a phone-sized screen in French. */
async function detailSteps(page, first) {
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
}

/** The boat is the one likely match: it comes before the "Less likely" divider, the others after it. */
async function likelySteps(page) {
  step('the likely match first, the others after the divider');
  await page.getByRole('heading', { name: 'Less likely' }).waitFor();
  const all = await page.locator('button.card').count();
  const rest = await page.locator('section.less-likely button.card').count();
  if (all - rest !== 1) throw new Error(`${all - rest} likely matches for the boat, not 1`);
  if (await page.locator('section.less-likely').getByText('Lake Annecy').count()) {
    throw new Error('the boat is after the divider');
  }
}

/** A date and a place said in the query show as chips; removing the date's searches its words as words. */
async function readingSteps(page) {
  step('a date and a place read as chips; the date removed');
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('searchbox').fill('croissant in Paris in October 2023');
  const date = page.getByText('Taken in October 2023');
  await date.waitFor();
  await page.getByText('Place: Paris').waitFor();
  await page.locator('button.card').first().waitFor();
  const inOctober = await page.locator('button.card').count();
  await page.screenshot({ path: join(out, 'readings.png') });
  await page.getByRole('button', { name: 'Search “in October 2023” as words' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('literal') === 'date');
  await date.waitFor({ state: 'detached' });
  await page.getByText('Place: Paris').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('button.card').length > n, inOctober);
}
