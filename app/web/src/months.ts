import type { ListedPhoto } from './api';
import type { Lang } from './i18n';

/** Photos of one month, in the order they were listed; {@code month} is "2023-07", or null for undated photos. */
export interface MonthGroup {
  month: string | null;
  photos: ListedPhoto[];
}

/**
 * The month a photo was taken, as "2023-07", in UTC like the date filters (a photo taken on 31 July at 23:30 UTC is
 * July's whoever looks); null when it has no readable date.
 */
export function monthOf(photo: ListedPhoto): string | null {
  const time = photo.taken_at ? Date.parse(photo.taken_at) : Number.NaN;
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().slice(0, 7);
}

/** Runs of photos of the same month, in listing order: a listing by date gives one group per month. */
export function groupByMonth(photos: readonly ListedPhoto[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const photo of photos) {
    const month = monthOf(photo);
    const last = groups.at(-1);
    if (last && last.month === month) last.photos.push(photo);
    else groups.push({ month, photos: [photo] });
  }
  return groups;
}

/** "2023-07" as people read it: "July 2023", "juillet 2023". */
export function monthTitle(month: string, lang: Lang): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, number - 1, 1));
}
