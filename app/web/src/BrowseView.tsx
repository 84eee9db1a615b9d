import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api, type ListedPhoto, type Query } from './api';
import { useI18n } from './i18n';
import { groupByMonth, monthTitle } from './months';
import { ResultGrid } from './ResultGrid';

/** Photos fetched at a time; "Load more" asks for the next ones. */
export const BROWSE_PAGE = 48;

type Status =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; photos: ListedPhoto[]; total: number };

/** "Load more": idle, on its way, or why it failed (the photos already shown stay). */
type More = { kind: 'idle' | 'loading' } | { kind: 'error'; message: string };

/**
 * The collection without a query, newest first, under the query's source and date filters: a grid per month with
 * its heading, and "Load more" until every photo is shown. Arrows cross from one month's grid to the next.
 */
export function BrowseView({ query, onOpen }: { query: Query; onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [more, setMore] = useState<More>({ kind: 'idle' });
  // Counts the listings started; a page that arrives after the filters changed belongs to an older one.
  const listing = useRef(0);

  useEffect(() => {
    const mine = ++listing.current;
    const abort = new AbortController();
    setStatus({ kind: 'loading' });
    setMore({ kind: 'idle' });
    api.list(query, 0, BROWSE_PAGE, abort.signal).then(
      (list) => {
        if (mine === listing.current) setStatus({ kind: 'done', photos: list.photos, total: list.total });
      },
      (e: Error) => {
        if (!abort.signal.aborted) setStatus({ kind: 'error', message: e.message });
      },
    );
    return () => abort.abort();
  }, [query.source, query.from, query.to]);

  const loadMore = (shown: ListedPhoto[]) => {
    const mine = listing.current;
    setMore({ kind: 'loading' });
    api.list(query, shown.length, BROWSE_PAGE).then(
      (list) => {
        if (mine !== listing.current) return;
        setStatus({ kind: 'done', photos: [...shown, ...list.photos], total: list.total });
        setMore({ kind: 'idle' });
      },
      (e: Error) => {
        if (mine === listing.current) setMore({ kind: 'error', message: e.message });
      },
    );
  };

  if (status.kind !== 'done') {
    return (
      <section aria-live="polite" className="status">
        {status.kind === 'loading' && <p className="loading">{t('browseLoading')}</p>}
        {status.kind === 'error' && (
          <p role="alert" className="error">
            {t('error', { message: status.message })}
          </p>
        )}
      </section>
    );
  }
  const filtered = Boolean(query.source || query.from || query.to);
  return (
    <div className="browse" onKeyDown={crossMonths}>
      <section aria-live="polite" className="status">
        <p>
          {status.total === 0
            ? t(filtered ? 'browseEmpty' : 'noSources')
            : t('browseCount', { total: status.total })}
        </p>
      </section>
      {groupByMonth(status.photos).map((group, i) => (
        <section key={`${group.month}-${i}`} className="month">
          <h2>{group.month ? monthTitle(group.month, lang) : t('undated')}</h2>
          <ResultGrid results={group.photos} onOpen={onOpen} />
        </section>
      ))}
      {status.photos.length < status.total && (
        <nav className="pages">
          <button type="button" disabled={more.kind === 'loading'} onClick={() => loadMore(status.photos)}>
            {t('loadMore')}
          </button>
          {more.kind === 'error' && (
            <span role="alert" className="error">
              {t('error', { message: more.message })}
            </span>
          )}
        </nav>
      )}
    </div>
  );
}

/** An arrow its month's grid left alone (at the grid's edge) moves to the next or previous month's grid. */
function crossMonths(e: KeyboardEvent<HTMLDivElement>) {
  const forward = e.key === 'ArrowRight' || e.key === 'ArrowDown';
  if (e.defaultPrevented || !(forward || e.key === 'ArrowLeft' || e.key === 'ArrowUp')) return;
  const grids = Array.from(e.currentTarget.querySelectorAll<HTMLUListElement>('ul.grid'));
  const index = grids.findIndex((grid) => grid.contains(document.activeElement));
  const next = grids[forward ? index + 1 : index - 1];
  if (index < 0 || !next) return;
  const cards = next.querySelectorAll<HTMLButtonElement>('button.card');
  e.preventDefault();
  (forward ? cards[0] : cards[cards.length - 1])?.focus();
}
