import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './App';
import { BROWSE_PAGE } from './BrowseView';
import { groupByMonth, monthOf, monthTitle } from './months';
import { listUrl, type ListedPhoto } from './api';

const listed = (id: string, taken_at?: string): ListedPhoto => ({
  id, path: `${id}.jpg`, description: `Photo ${id}.`, caption: `caption ${id}`, source: 'folder:/p', taken_at,
  thumbnail_url: `/api/photos/${id}/thumbnail`,
});

describe('month grouping', () => {
  it('groups runs of the same month in listing order, undated photos apart', () => {
    const photos = [
      listed('a', '2023-11-13T20:20:00Z'),
      listed('b', '2023-10-14T12:00:00Z'),
      listed('c', '2023-10-01T09:00:00Z'),
      listed('d', '2023-07-23T07:10:00Z'),
      listed('e'),
      listed('f', 'not a date'),
    ];
    expect(groupByMonth(photos).map((g) => [g.month, g.photos.map((p) => p.id).join('')])).toEqual([
      ['2023-11', 'a'], ['2023-10', 'bc'], ['2023-07', 'd'], [null, 'ef'],
    ]);
    expect(groupByMonth([])).toEqual([]);
  });

  it('reads months in UTC, as the date filters read days', () => {
    expect(monthOf(listed('x', '2023-07-31T23:30:00Z'))).toBe('2023-07');
    expect(monthOf(listed('y', '2023-08-01T00:30:00+02:00'))).toBe('2023-07');
    expect(monthOf(listed('z', '2023-08-01T00:00:00Z'))).toBe('2023-08');
  });

  it('names a month in the page language', () => {
    expect(monthTitle('2023-07', 'en')).toBe('July 2023');
    expect(monthTitle('2023-07', 'fr')).toBe('juillet 2023');
    expect(monthTitle('2024-01', 'en')).toBe('January 2024');
  });

  it('asks the API for the filters of the search page, newest first', () => {
    const url = new URL(listUrl({ q: '', source: 'folder:/p', from: '2023-07-01', to: '', sort: 'date', page: 2 }, 48, 48),
      'http://x');
    expect(url.pathname).toBe('/api/photos');
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: '48', offset: '48', source: 'folder:/p', from: '2023-07-01' });
  });
});

/**
 * The page opened at {@code url} in {@code lang} over 60 photos, one a day from 2023-11-30 back, and one without a date:
 * GET /api/photos answers as the server does. Returns the parameters of each listing asked for.
 */
function collection(url = '/', lang = 'en') {
  history.replaceState(null, '', url);
  localStorage.setItem('photosearch.lang', lang);
  const photos: ListedPhoto[] = [];
  for (let i = 0; i < 60; i++) {
    const day = new Date(Date.UTC(2023, 10, 30) - i * 86_400_000).toISOString();
    photos.push(listed(`p${String(i).padStart(2, '0')}`, day));
  }
  photos.push(listed('undated'));
  const asked: URLSearchParams[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const { pathname, searchParams } = new URL(url, 'http://x');
    if (pathname === '/api/sources') return new Response(JSON.stringify({ sources: [] }), { status: 200 });
    asked.push(searchParams);
    const from = searchParams.get('from') ?? '';
    const to = searchParams.get('to') ?? '';
    const kept = photos.filter((p) => (!from && !to) || (p.taken_at !== undefined && p.taken_at >= from
      && (!to || p.taken_at <= `${to}T23:59:59Z`)));
    const offset = Number(searchParams.get('offset') ?? 0);
    const limit = Number(searchParams.get('limit'));
    return new Response(JSON.stringify({ total: kept.length, took_ms: 1, photos: kept.slice(offset, offset + limit) }),
      { status: 200 });
  }));
  return asked;
}

// Plain selectors: role queries over sixty cards are slow in jsdom.
const headings = () => [...document.querySelectorAll('section.month h2')].map((h) => h.textContent);
const cardCount = () => document.querySelectorAll('button.card').length;

afterEach(() => vi.unstubAllGlobals());

describe('browsing with an empty search box', () => {
  it('shows the collection newest first under month headings, and loads more into the same months', async () => {
    const asked = collection();
    render(<App />);
    await screen.findByText('61 photos, newest first');
    expect(headings()).toEqual(['November 2023', 'October 2023']);
    expect(cardCount()).toBe(BROWSE_PAGE);
    expect(screen.queryByText(/score/)).toBeNull();
    expect([...document.querySelectorAll('.card .score')].slice(0, 3).map((s) => s.textContent))
      .toEqual(['30 November 2023', '29 November 2023', '28 November 2023']);
    expect(screen.queryByRole('combobox', { name: 'Sort by' })).toBeNull();

    fireEvent.click(screen.getByText('Load more'));
    // October goes on under its heading; the undated photo comes last under its own.
    await waitFor(() => expect(headings()).toEqual(['November 2023', 'October 2023', 'Without a date']));
    expect(asked.at(-1)?.get('offset')).toBe(String(BROWSE_PAGE));
    expect(cardCount()).toBe(61);
    expect(screen.queryByText('Load more')).toBeNull();
  });

  it('lists again under a date filter and says when nothing is left', async () => {
    const asked = collection();
    render(<App />);
    await screen.findByText('61 photos, newest first');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2023-11-20' } });
    await screen.findByText('11 photos, newest first');
    expect(asked.at(-1)?.get('from')).toBe('2023-11-20');
    expect(location.search).toBe('?from=2023-11-20');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-01-01' } });
    await screen.findByText('No photo in this source or these dates.');
    expect(headings()).toEqual([]);
  });

  it('moves with the arrows from the end of one month to the start of the next, and back', async () => {
    collection('/?from=2023-10-30&to=2023-11-01');
    render(<App />);
    await screen.findByText('3 photos, newest first');
    expect(headings()).toEqual(['November 2023', 'October 2023']);
    const cards = screen.getAllByRole('button', { name: /caption p/ });
    cards[0].focus();
    fireEvent.keyDown(cards[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cards[1]);
    fireEvent.keyDown(cards[1], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cards[2]);
    fireEvent.keyDown(cards[2], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cards[1]);
    fireEvent.keyDown(cards[1], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cards[0]);
    fireEvent.keyDown(cards[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cards[1]);
  });

  it('names months in French', async () => {
    collection('/', 'fr');
    render(<App />);
    await screen.findByText('61 photos, des plus récentes aux plus anciennes');
    expect(headings()).toEqual(['novembre 2023', 'octobre 2023']);
  });
});
