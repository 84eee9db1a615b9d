import type { Query, ReadingKind } from './api';

/** Where the page is: the search (with an open photo or not) or the sources page. All of it lives in the URL. */
export interface View {
  page: 'search' | 'sources';
  query: Query;
  photo: string | null;
}

export function parseView(pathname: string, search: string): View {
  const params = new URLSearchParams(search);
  const pageNumber = Number.parseInt(params.get('page') ?? '1', 10);
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  return {
    page: pathname.replace(/\/+$/, '') === '/sources' ? 'sources' : 'search',
    query: {
      q: params.get('q') ?? '',
      source: params.get('source') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      sort,
      page: Number.isFinite(pageNumber) && pageNumber > 0 ? pageNumber : 1,
      literal: readingKinds(params.get('literal')),
    },
    photo: params.get('photo'),
  };
}

/** The URL of a view: only the fields that differ from the defaults, so shared links stay short. */
export function viewUrl(view: View): string {
  if (view.page === 'sources') return '/sources';
  const params = new URLSearchParams();
  const { q, source, from, to, sort, page, literal } = view.query;
  if (q) params.set('q', q);
  if (source) params.set('source', source);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (sort === 'date') params.set('sort', 'date');
  if (page > 1) params.set('page', String(page));
  if (literal?.length) params.set('literal', literal.join(','));
  if (view.photo) params.set('photo', view.photo);
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

/** "date,place" → the kinds it names, each once; anything else is dropped. */
function readingKinds(value: string | null): ReadingKind[] {
  const kinds = (value ?? '').split(',').filter((k): k is ReadingKind => k === 'date' || k === 'place');
  return [...new Set(kinds)];
}
