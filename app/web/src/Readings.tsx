import type { Interpreted, ReadingKind } from './api';
import { useI18n } from './i18n';

/** Each date and place read in the query, as a chip whose button searches its words as words instead. */
export function Readings({ interpreted, onUndo }: { interpreted: Interpreted; onUndo: (kind: ReadingKind) => void }) {
  const { t } = useI18n();
  if (interpreted.spans.length === 0) return null;
  return (
    <ul className="readings" aria-label={t('readings')}>
      {interpreted.spans.map((span) => (
        <li key={span.kind} className={`chip ${span.kind}`}>
          <span>
            {span.kind === 'date'
              ? t('readDate', { text: span.text })
              : t('readPlace', { place: interpreted.place ?? span.text })}
          </span>
          <button type="button" aria-label={t('undoReading', { text: span.text })} onClick={() => onUndo(span.kind)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
