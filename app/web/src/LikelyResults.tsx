import type { Result } from './api';
import { useI18n } from './i18n';
import { ResultGrid } from './ResultGrid';

/** The results that are likely matches and the others, each in the order the server gave. */
export function splitLikely(results: Result[]): { likely: Result[]; rest: Result[] } {
  return {
    likely: results.filter((r) => r.likely !== false),
    rest: results.filter((r) => r.likely === false),
  };
}

/** The likely matches first, then the others after a "less likely" divider. */
export function LikelyResults({ results, onOpen }: { results: Result[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const { likely, rest } = splitLikely(results);
  return (
    <>
      {likely.length > 0 && <ResultGrid results={likely} onOpen={onOpen} />}
      {rest.length > 0 && (
        <section className="less-likely" aria-labelledby="less-likely">
          <h2 id="less-likely">{t('lessLikely')}</h2>
          <ResultGrid results={rest} onOpen={onOpen} />
        </section>
      )}
    </>
  );
}
