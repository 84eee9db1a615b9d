import { useEffect, useState } from 'react';
import { api, PAGE_SIZE, type SearchPage as Page, type Source } from './api';
import { useI18n } from './i18n';
import { useDebounced } from './useDebounced';
import type { View } from './urlState';
import { LikelyResults } from './LikelyResults';
import { Readings } from './Readings';
import { PhotoDetail } from './PhotoDetail';
import { BrowseView } from './BrowseView';

type Status =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; page: Page };

export const DEBOUNCE_MS = 300;

/** The search box, filters, results and the open photo. */
export function SearchPage({ view, navigate }: { view: View; navigate: (v: View, replace?: boolean) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(view.query.q);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [sources, setSources] = useState<Source[]>([]);
  const typed = useDebounced(text, DEBOUNCE_MS);
  const query = view.query;

  // Back and forward change the URL: show its query in the box.
  useEffect(() => setText(view.query.q), [view.query.q]);

  useEffect(() => {
    if (typed.trim() !== query.q.trim()) {
      navigate({ ...view, query: { ...query, q: typed, page: 1, literal: [] }, photo: null }, true);
    }
    // Only the settled text drives this; the view is read as it is then.
  }, [typed]);

  useEffect(() => {
    api.sources().then((r) => setSources(r.sources), () => setSources([]));
  }, []);

  useEffect(() => {
    if (!query.q.trim()) {
      setStatus({ kind: 'idle' });
      return;
    }
    const abort = new AbortController();
    setStatus({ kind: 'loading' });
    api.search(query, abort.signal).then(
      (page) => setStatus({ kind: 'done', page }),
      (e: Error) => {
        if (!abort.signal.aborted) setStatus({ kind: 'error', message: e.message });
      },
    );
    return () => abort.abort();
  }, [query.q, query.source, query.from, query.to, query.sort, query.page, query.literal?.join()]);

  const setQuery = (change: Partial<View['query']>) =>
    navigate({ ...view, query: { ...query, page: 1, ...change }, photo: null });
  const open = (id: string | null) => navigate({ ...view, photo: id });
  const page = status.kind === 'done' ? status.page : null;

  return (
    <>
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: text, literal: text.trim() === query.q.trim() ? query.literal : [] });
        }}
      >
        <label htmlFor="q" className="sr-only">
          {t('searchLabel')}
        </label>
        <input
          id="q"
          type="search"
          value={text}
          autoFocus
          autoComplete="off"
          maxLength={300}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('search')}</button>
      </form>
      <div className="filters">
        <label>
          {t('sources')}
          <select value={query.source} onChange={(e) => setQuery({ source: e.target.value })}>
            <option value="">{t('allSources')}</option>
            {sources.map((s) => (
              <option key={s.source} value={s.source}>
                {shortSource(s.source)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('from')}
          <input type="date" value={query.from} onChange={(e) => setQuery({ from: e.target.value })} />
        </label>
        <label>
          {t('to')}
          <input type="date" value={query.to} onChange={(e) => setQuery({ to: e.target.value })} />
        </label>
        {/* Browsing is by date; relevance needs words. */}
        <label hidden={!query.q.trim()}>
          {t('sortBy')}
          <select
            value={query.sort}
            onChange={(e) => setQuery({ sort: e.target.value === 'date' ? 'date' : 'relevance' })}
          >
            <option value="relevance">{t('relevance')}</option>
            <option value="date">{t('date')}</option>
          </select>
        </label>
      </div>

      <section aria-live="polite" className="status">
        {status.kind === 'idle' && <p>{t('idle')}</p>}
        {status.kind === 'loading' && <p className="loading">{t('loading')}</p>}
        {status.kind === 'error' && (
          <p role="alert" className="error">
            {t('error', { message: status.message })}
          </p>
        )}
        {page && (
          <Readings
            interpreted={page.interpreted}
            onUndo={(kind) => setQuery({ literal: [...(query.literal ?? []), kind] })}
          />
        )}
        {page && page.results.length === 0 && <p>{t('empty', { q: page.query })}</p>}
        {page && page.results.length > 0 && (
          <p>
            {t(page.matches > 0 ? 'results' : 'noLikely', {
              matches: page.matches,
              candidates: page.candidates,
              ms: page.took_ms,
            })}{' '}
            <span className="hint">{t('keyboardHint')}</span>
          </p>
        )}
      </section>

      {!query.q.trim() && <BrowseView query={query} onOpen={open} />}
      {page && page.results.length > 0 && <LikelyResults results={page.results} onOpen={open} />}

      {page && page.candidates > PAGE_SIZE && (
        <nav className="pages" aria-label={t('page', { page: query.page })}>
          <button disabled={query.page <= 1} onClick={() => setQuery({ page: query.page - 1 })}>
            {t('previous')}
          </button>
          <span>{t('page', { page: query.page })}</span>
          <button
            disabled={query.page * PAGE_SIZE >= page.candidates}
            onClick={() => setQuery({ page: query.page + 1 })}
          >
            {t('next')}
          </button>
        </nav>
      )}

      {view.photo && <PhotoDetail id={view.photo} onClose={() => open(null)} onOpen={open} />}
    </>
  );
}

/** "instagram-export:/home/ann/export" → "export (instagram-export)". */
export function shortSource(key: string): string {
  const colon = key.indexOf(':');
  if (colon < 0) return key;
  const path = key.slice(colon + 1).replace(/[\\/]+$/, '');
  const name = path.split(/[\\/]/).pop() || path;
  return `${name} (${key.slice(0, colon)})`;
}
