import { describe, expect, it } from 'vitest';
import { detectLang, format, MESSAGES } from './i18n';
import { parseView, viewUrl } from './urlState';
import { nextIndex, altText } from './ResultGrid';
import { searchUrl } from './api';
import { shortSource } from './SearchPage';
import { splitLikely } from './LikelyResults';

describe('i18n', () => {
  it('picks French for a French browser and English otherwise', () => {
    expect(detectLang(['fr-CA', 'en'])).toBe('fr');
    expect(detectLang(['de-DE', 'en-US'])).toBe('en');
    expect(detectLang(['de'])).toBe('en');
  });

  it('fills placeholders and keeps unknown ones', () => {
    expect(format('{n} photos, {x}', { n: 3 })).toBe('3 photos, {x}');
  });

  it('has every English message in French too', () => {
    expect(Object.keys(MESSAGES.fr).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const value of Object.values(MESSAGES.fr)) expect(value.trim()).not.toBe('');
  });
});

describe('URL state', () => {
  it('round-trips a search with filters and an open photo', () => {
    const view = parseView('/', '?q=boat+lake&source=folder%3A%2Fx&from=2023-01-01&sort=date&page=2&photo=ab12');
    expect(view.query).toEqual({
      q: 'boat lake', source: 'folder:/x', from: '2023-01-01', to: '', sort: 'date', page: 2, literal: [],
    });
    expect(view.photo).toBe('ab12');
    expect(parseView('/', viewUrl(view).slice(1))).toEqual(view);
  });

  it('falls back to sane defaults for odd input', () => {
    const view = parseView('/sources/', '?page=-4&sort=size');
    expect(view.page).toBe('sources');
    expect(view.query.page).toBe(1);
    expect(view.query.sort).toBe('relevance');
    expect(viewUrl(parseView('/', ''))).toBe('/');
  });

  it('keeps the readings the user undid, and only known ones', () => {
    const view = parseView('/', '?q=dog+in+Paris+in+2019&literal=place%2Cdate%2Cwhen%2Cplace');
    expect(view.query.literal).toEqual(['place', 'date']);
    expect(parseView('/', viewUrl(view).slice(1))).toEqual(view);
    const url = new URL(searchUrl(view.query), 'http://x');
    expect(url.searchParams.get('literal')).toBe('place,date');
    expect(new URL(searchUrl({ ...view.query, literal: [] }), 'http://x').searchParams.has('literal')).toBe(false);
  });

  it('turns a page number into an API offset', () => {
    const url = new URL(searchUrl({ q: 'cat', source: '', from: '', to: '2024-01-31', sort: 'date', page: 3 }), 'http://x');
    expect(url.searchParams.get('offset')).toBe('48');
    expect(url.searchParams.get('to')).toBe('2024-01-31');
    expect(url.searchParams.get('sort')).toBe('date');
    expect(url.searchParams.has('source')).toBe(false);
  });
});

describe('likely matches', () => {
  const base = { path: 'a.jpg', score: 1, description: '', caption: '', source: 's', matched: {} };
  it('puts the likely ones apart from the others, each in the given order', () => {
    const results = [
      { ...base, id: 'a', likely: true },
      { ...base, id: 'b', likely: false },
      { ...base, id: 'c', likely: true },
      { ...base, id: 'd', likely: false },
    ];
    const { likely, rest } = splitLikely(results);
    expect(likely.map((r) => r.id)).toEqual(['a', 'c']);
    expect(rest.map((r) => r.id)).toEqual(['b', 'd']);
  });

  it('counts results that do not say as likely', () => {
    expect(splitLikely([{ ...base, id: 'a' }]).likely).toHaveLength(1);
  });
});

describe('grid navigation', () => {
  it('moves by one sideways and by a row up and down, never off the grid', () => {
    expect(nextIndex('ArrowRight', 0, 10, 4)).toBe(1);
    expect(nextIndex('ArrowDown', 1, 10, 4)).toBe(5);
    expect(nextIndex('ArrowDown', 7, 10, 4)).toBe(7);
    expect(nextIndex('ArrowUp', 2, 10, 4)).toBe(2);
    expect(nextIndex('ArrowLeft', 0, 10, 4)).toBe(0);
    expect(nextIndex('End', 3, 10, 4)).toBe(9);
    expect(nextIndex('a', 3, 10, 4)).toBe(3);
  });

  it('always has alt text', () => {
    const base = { id: '1', path: 'a/b.jpg', score: 1, source: 's', matched: {} };
    expect(altText({ ...base, description: 'A boat.', caption: 'c' })).toBe('A boat.');
    expect(altText({ ...base, description: '', caption: '' })).toBe('a/b.jpg');
  });

  it('names sources by their last folder', () => {
    expect(shortSource('instagram-export:/home/ann/export/')).toBe('export (instagram-export)');
    expect(shortSource('odd')).toBe('odd');
  });
});
