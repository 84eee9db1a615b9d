import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './App';
import { PhotoDetail } from './PhotoDetail';
import { ResultGrid } from './ResultGrid';
import { SourcesPage } from './SourcesPage';
import { DEBOUNCE_MS } from './SearchPage';
import type { Interpreted, Photo, Result } from './api';

const result = (id: string, caption: string): Result => ({
  id, path: `${id}.jpg`, score: 0.5, description: `${caption}.`, caption, source: 'folder:/p',
  thumbnail_url: `/api/photos/${id}/thumbnail`, matched: { text: 1 },
});

const photo: Photo = {
  id: 'aa11', source: 'folder:/p', path: 'boat.jpg', caption: 'Our boat', hashtags: [], alt_text: '', place: 'Annecy',
  video: false, metadata: {}, taken_at: '2023-07-02T10:00:00Z', permalink: 'https://example.test/p/1',
  analyses: [
    { analyser: 'objects', version: 1, phrase: '', terms: [], facts: {}, regions: [{ label: 'boat', score: 0.9, x: 0.1, y: 0.2, width: 0.5, height: 0.25 }] },
    { analyser: 'text-reader', version: 1, phrase: '', terms: [], facts: {}, regions: [{ label: 'ANNECY', score: 0.8, x: 0, y: 0, width: 0.2, height: 0.1 }] },
  ],
  description: { shows: 'A boat.', context: '', summary: 'A boat on a lake.' },
  image_url: '/api/photos/aa11/image',
};

/** A search answer; the results marked likely come first. */
const page = (query: string, results: Result[], interpreted?: Interpreted) => ({
  query, candidates: results.length, matches: results.filter((r) => r.likely).length, took_ms: 3,
  interpreted: interpreted ?? { words: query, spans: [] }, results,
});

function mockFetch(routes: Record<string, unknown>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    calls.push(url);
    const key = Object.keys(routes).find((k) => url.startsWith(k));
    if (!key) return new Response(JSON.stringify({ error: 'not_found', message: 'nothing' }), { status: 404 });
    const body = routes[key];
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200 });
  }));
  return calls;
}

beforeEach(() => {
  history.replaceState(null, '', '/');
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('ResultGrid', () => {
  it('opens a result with Enter-able buttons and moves focus with arrows', () => {
    const open = vi.fn();
    render(<ResultGrid results={[result('a1', 'one'), result('b2', 'two')]} onOpen={open} />);
    const cards = screen.getAllByRole('button');
    cards[0].focus();
    fireEvent.keyDown(cards[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cards[1]);
    fireEvent.click(cards[1]);
    expect(open).toHaveBeenCalledWith('b2');
    for (const img of screen.getAllByRole('img')) expect(img.getAttribute('alt')).toBeTruthy();
  });
});

describe('PhotoDetail', () => {
  it('draws the regions as boxes, lists objects and text, and closes on Escape', async () => {
    mockFetch({ '/api/photos/aa11/similar': { results: [result('cc33', 'another boat')] }, '/api/photos/aa11': photo });
    const close = vi.fn();
    render(<PhotoDetail id="aa11" onClose={close} onOpen={() => {}} />);
    await screen.findByText('Our boat');
    const box = screen.getByText('boat', { selector: '.box span' }).parentElement!;
    expect(box.style.left).toBe('10%');
    expect(box.style.width).toBe('50%');
    expect(screen.getByText('ANNECY', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the original post' }).getAttribute('href')).toBe(photo.permalink);
    await screen.findByText('another boat');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(close).toHaveBeenCalled();
  });
});

describe('App', () => {
  it('searches once typing settles and keeps the query in the URL', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = mockFetch({
      '/api/sources': { sources: [] },
      '/api/search': page('boat', [result('aa11', 'Our boat')]),
    });
    render(<App />);
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: 'bo' } });
    fireEvent.change(box, { target: { value: 'boat' } });
    await act(async () => {
      vi.advanceTimersByTime(DEBOUNCE_MS + 10);
    });
    await screen.findByText('Our boat');
    expect(calls.filter((c) => c.startsWith('/api/search'))).toHaveLength(1);
    expect(location.search).toBe('?q=boat');
  });

  it('shows the empty and error states', async () => {
    mockFetch({ '/api/sources': { sources: [] }, '/api/search': page('zzz', []) });
    history.replaceState(null, '', '/?q=zzz');
    render(<App />);
    await screen.findByText('No photo matches “zzz”.');
    cleanup();
    mockFetch({
      '/api/sources': { sources: [] },
      '/api/search': new Response(JSON.stringify({ error: 'bad_request', message: 'limit is wrong' }), { status: 400 }),
    });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('limit is wrong');
  });

  it('shows the likely matches, then the others after a divider', async () => {
    mockFetch({
      '/api/sources': { sources: [] },
      '/api/search': page('boat', [
        { ...result('aa11', 'Our boat'), likely: true },
        { ...result('bb22', 'A teddy bear'), likely: false },
      ]),
    });
    history.replaceState(null, '', '/?q=boat');
    render(<App />);
    const divider = await screen.findByRole('heading', { name: 'Less likely' });
    expect(screen.getByText('Likely matches: 1 of 2 photos ranked (3 ms)')).toBeTruthy();
    const cards = screen.getAllByRole('button').filter((b) => b.classList.contains('card'));
    expect(cards.map((c) => c.dataset.id)).toEqual(['aa11', 'bb22']);
    expect(divider.closest('section')!.contains(cards[1])).toBe(true);
    expect(divider.closest('section')!.contains(cards[0])).toBe(false);
  });

  it('says when nothing is likely and shows no divider when everything is', async () => {
    mockFetch({ '/api/sources': { sources: [] }, '/api/search': page('zz', [{ ...result('bb22', 'Far'), likely: false }]) });
    history.replaceState(null, '', '/?q=zz');
    render(<App />);
    await screen.findByText(/^No likely match among 1 photos ranked/);
    cleanup();
    mockFetch({ '/api/sources': { sources: [] }, '/api/search': page('boat', [{ ...result('aa11', 'Our boat'), likely: true }]) });
    render(<App />);
    await screen.findByText('Our boat');
    expect(screen.queryByRole('heading', { name: 'Less likely' })).toBeNull();
  });

  it('shows each reading as a chip; removing one searches its words as words, and the URL keeps it', async () => {
    const query = 'croissant in Paris in October 2023';
    const interpreted: Interpreted = {
      from: '2023-10-01T00:00:00Z', to: '2023-10-31T23:59:59Z', place: 'Paris', words: 'croissant',
      spans: [
        { kind: 'place', start: 10, end: 18, text: 'in Paris' },
        { kind: 'date', start: 19, end: 34, text: 'in October 2023' },
      ],
    };
    const calls = mockFetch({
      '/api/sources': { sources: [] },
      '/api/search': page(query, [{ ...result('aa11', 'Croissant'), likely: true }], interpreted),
    });
    history.replaceState(null, '', `/?q=${encodeURIComponent(query)}`);
    render(<App />);
    expect((await screen.findByText('Taken in October 2023')).closest('li')).toBeTruthy();
    expect(screen.getByText('Place: Paris')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Search “in October 2023” as words' }));
    await waitFor(() => expect(new URLSearchParams(location.search).get('literal')).toBe('date'));
    await waitFor(() => expect(calls.filter((c) => c.startsWith('/api/search'))).toHaveLength(2));
    const last = new URL(calls.filter((c) => c.startsWith('/api/search')).pop()!, 'http://x');
    expect(last.searchParams.get('literal')).toBe('date');
    expect(last.searchParams.get('q')).toBe(query);
  });

  it('switches the interface to French', async () => {
    mockFetch({ '/api/sources': { sources: [] } });
    render(<App />);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Chercher' })).toBeTruthy());
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem('photosearch.lang')).toBe('fr');
  });
});

describe('SourcesPage', () => {
  it('removes a source after asking, then lists what is left', async () => {
    const requests: string[] = [];
    let listed = [{ source: 'instagram-export:/old', photos: 13 }, { source: 'folder:/p', photos: 2 }];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      requests.push(`${init?.method ?? 'GET'} ${url}`);
      if (init?.method === 'DELETE') {
        listed = listed.filter((s) => s.source !== 'instagram-export:/old');
        return new Response(JSON.stringify({ source: 'instagram-export:/old', removed: 13 }), { status: 200 });
      }
      return new Response(JSON.stringify({ sources: listed }), { status: 200 });
    }));
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    render(<SourcesPage onBack={() => {}} />);
    const removeButtons = await screen.findAllByRole('button', { name: 'Remove' });
    fireEvent.click(removeButtons[0]);
    await waitFor(() => expect(screen.queryByText('instagram-export:/old')).toBeNull());
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('13 photos of instagram-export:/old'));
    expect(requests).toContain('DELETE /api/sources?source=instagram-export%3A%2Fold');
    expect(screen.getByText('folder:/p')).toBeTruthy();
  });

  it('keeps the source when the removal is not confirmed', async () => {
    const calls = mockFetch({ '/api/sources': { sources: [{ source: 'folder:/p', photos: 2 }] } });
    vi.stubGlobal('confirm', vi.fn(() => false));
    render(<SourcesPage onBack={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    expect(calls).toEqual(['/api/sources']);
    expect(screen.getByText('folder:/p')).toBeTruthy();
  });
});
