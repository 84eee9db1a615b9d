import { useEffect, useRef, useState } from 'react';
import { api, type Photo, type Region, type Result } from './api';
import { formatDate, useI18n } from './i18n';
import { ResultGrid } from './ResultGrid';

/** Regions of analysers that read text, and of the others (objects). */
export function splitRegions(photo: Photo): { objects: Region[]; text: Region[] } {
  const objects: Region[] = [];
  const text: Region[] = [];
  for (const analysis of photo.analyses) {
    const readsText = /text|ocr/i.test(analysis.analyser);
    (readsText ? text : objects).push(...analysis.regions);
  }
  return { objects, text };
}

/** A box over the picture; coordinates are relative (0..1), so the boxes follow the picture's size. */
function Box({ region }: { region: Region }) {
  const pct = (v: number) => `${Math.max(0, Math.min(1, v)) * 100}%`;
  return (
    <div
      className="box"
      style={{ left: pct(region.x), top: pct(region.y), width: pct(region.width), height: pct(region.height) }}
    >
      <span>{region.label}</span>
    </div>
  );
}

/** One photo over the results: the picture with its boxes, what is known about it, and similar photos. */
export function PhotoDetail({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [similar, setSimilar] = useState<Result[]>([]);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setPhoto(null);
    setError(null);
    setSimilar([]);
    api.photo(id).then(setPhoto, (e: Error) => setError(e.message));
    api.similar(id).then((r) => setSimilar(r.results), () => setSimilar([]));
  }, [id]);

  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [id, onClose]);

  const regions = photo ? splitRegions(photo) : { objects: [], text: [] };
  const src = photo?.image_url ?? photo?.thumbnail_url;

  return (
    <div className="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="detail" role="dialog" aria-modal="true" aria-label={photo?.caption || photo?.path || id}>
        <button ref={closeButton} className="close" type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
        {error && (
          <p role="alert" className="error">
            {t('error', { message: error })}
          </p>
        )}
        {!photo && !error && <p className="loading">{t('loading')}</p>}
        {photo && (
          <>
            <figure className="picture">
              {src ? (
                <div className="frame">
                  <img
                    src={src}
                    alt={photo.alt_text || photo.description.summary || photo.path}
                    onError={(e) => {
                      // The original may be gone: fall back to the cached thumbnail once.
                      if (photo.thumbnail_url && !e.currentTarget.src.endsWith(photo.thumbnail_url)) {
                        e.currentTarget.src = photo.thumbnail_url;
                      }
                    }}
                  />
                  {regions.objects.concat(regions.text).map((r, i) => (
                    <Box key={i} region={r} />
                  ))}
                </div>
              ) : (
                <p className="noimg">{t('noImage')}</p>
              )}
              {photo.caption && <figcaption>{photo.caption}</figcaption>}
            </figure>
            <dl className="facts">
              <dt>{t('description')}</dt>
              <dd>{photo.description.summary}</dd>
              {regions.objects.length > 0 && (
                <>
                  <dt>{t('objects')}</dt>
                  <dd>{regions.objects.map((r) => r.label).join(', ')}</dd>
                </>
              )}
              {regions.text.length > 0 && (
                <>
                  <dt>{t('text')}</dt>
                  <dd>{regions.text.map((r) => r.label).join(' · ')}</dd>
                </>
              )}
              {photo.taken_at && (
                <>
                  <dt>{t('taken')}</dt>
                  <dd>{formatDate(photo.taken_at, lang)}</dd>
                </>
              )}
              {photo.place && (
                <>
                  <dt>{t('place')}</dt>
                  <dd>{photo.place}</dd>
                </>
              )}
            </dl>
            {photo.permalink && (
              <p>
                <a href={photo.permalink} target="_blank" rel="noreferrer noopener">
                  {t('original')}
                </a>
              </p>
            )}
            {similar.length > 0 && (
              <section className="similar">
                <h2>{t('similar')}</h2>
                <ResultGrid results={similar} onOpen={onOpen} />
              </section>
            )}
          </>
        )}
      </div>
    </div>
  );
}
