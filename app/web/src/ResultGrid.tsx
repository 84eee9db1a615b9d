import { useRef, type KeyboardEvent } from 'react';
import type { ListedPhoto, Result } from './api';
import { formatDate, useI18n } from './i18n';

/** How many cards a row of the grid holds, read from the laid-out grid; 1 when there is no layout. */
function columnsOf(grid: HTMLElement | null): number {
  if (!grid) return 1;
  const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').filter((c) => c.trim() !== '').length;
  return Math.max(1, columns);
}

/** The index focused after {@code key} in a grid of {@code count} cards, {@code columns} per row. */
export function nextIndex(key: string, index: number, count: number, columns: number): number {
  const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const move = moves[key];
  if (move === undefined) return index;
  const next = index + move;
  return next < 0 || next >= count ? index : next;
}

/** The alt text of a result's picture: its description, else its caption, else its file name. */
export function altText(result: ListedPhoto): string {
  return result.description || result.caption || result.path;
}

/** Results, or photos listed by date (shown with it), as a grid of thumbnails; arrows move, Enter opens one. */
export function ResultGrid(props: { results: (Result | ListedPhoto)[]; onOpen: (id: string) => void }) {
  const { results, onOpen } = props;
  const { t, lang } = useI18n();
  const grid = useRef<HTMLUListElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const cards = Array.from(grid.current?.querySelectorAll<HTMLButtonElement>('button.card') ?? []);
    const index = cards.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = nextIndex(e.key, index, cards.length, columnsOf(grid.current));
    if (next !== index) {
      e.preventDefault();
      cards[next].focus();
    }
  };

  return (
    <ul className="grid" ref={grid} onKeyDown={onKeyDown}>
      {results.map((r) => (
        <li key={r.id}>
          <button className="card" type="button" onClick={() => onOpen(r.id)} data-id={r.id}>
            {r.thumbnail_url ? (
              <img src={r.thumbnail_url} alt={altText(r)} loading="lazy" />
            ) : (
              <span className="noimg" role="img" aria-label={altText(r)}>
                {t('noImage')}
              </span>
            )}
            <span className="desc">{r.caption || r.description}</span>
            <span className="score">
              {'score' in r ? t('score', { score: r.score.toFixed(2) }) : formatDate(r.taken_at, lang)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
