import { createContext, useContext } from 'react';

/** Interface text in English and French; the browser's language picks one, the user can switch. */
const en = {
  title: 'PhotoSearch',
  searchLabel: 'Describe the photo you are looking for',
  searchPlaceholder: 'a boat on a lake at sunset…',
  search: 'Search',
  sources: 'Sources',
  allSources: 'All sources',
  from: 'From',
  to: 'To',
  sortBy: 'Sort by',
  relevance: 'Relevance',
  date: 'Date',
  loading: 'Searching…',
  empty: 'No photo matches “{q}”.',
  idle: 'Type a few words: what is in the photo, where, when.',
  browseCount: '{total} photos, newest first',
  browseLoading: 'Loading the photos…',
  browseEmpty: 'No photo in this source or these dates.',
  loadMore: 'Load more',
  undated: 'Without a date',
  error: 'Something went wrong: {message}',
  results: 'Likely matches: {matches} of {candidates} photos ranked ({ms} ms)',
  noLikely: 'No likely match among {candidates} photos ranked ({ms} ms); the closest are below.',
  lessLikely: 'Less likely',
  readings: 'Read in your words',
  readDate: 'Taken {text}',
  readPlace: 'Place: {place}',
  undoReading: 'Search “{text}” as words',
  previous: 'Previous',
  next: 'Next',
  page: 'Page {page}',
  score: 'score {score}',
  close: 'Close',
  caption: 'Caption',
  description: 'Description',
  objects: 'Seen in the picture',
  text: 'Text in the picture',
  taken: 'Taken',
  place: 'Place',
  original: 'Open the original post',
  similar: 'Similar photos',
  noImage: 'No picture available',
  addSource: 'Add a source',
  sourcePath: 'Folder, export or URL list on the server',
  tokenPrompt: 'This server needs its access token (the --token given to photosearch serve):',
  add: 'Add',
  photos: '{n} photos',
  noSources: 'Nothing is indexed yet.',
  remove: 'Remove',
  confirmRemove: 'Take the {n} photos of {source} out of the index? Its files are not touched.',
  progress: '{done} of {total} photos',
  done: 'Done: {added} new, {updated} updated, {removed} removed.',
  failed: 'Failed: {message}',
  cancelled: 'Cancelled: {message}',
  queued: 'Waiting…',
  language: 'Language',
  back: 'Back to search',
  keyboardHint: 'Arrows move, Enter opens, Escape closes.',
};

export type Messages = typeof en;
export type Lang = 'en' | 'fr';

const fr: Messages = {
  title: 'PhotoSearch',
  searchLabel: 'Décrivez la photo que vous cherchez',
  searchPlaceholder: 'un bateau sur un lac au coucher du soleil…',
  search: 'Chercher',
  sources: 'Sources',
  allSources: 'Toutes les sources',
  from: 'Du',
  to: 'Au',
  sortBy: 'Trier par',
  relevance: 'Pertinence',
  date: 'Date',
  loading: 'Recherche…',
  empty: 'Aucune photo ne correspond à « {q} ».',
  idle: 'Tapez quelques mots : ce qu’on voit, où, quand.',
  browseCount: '{total} photos, des plus récentes aux plus anciennes',
  browseLoading: 'Chargement des photos…',
  browseEmpty: 'Aucune photo dans cette source ou à ces dates.',
  loadMore: 'Afficher plus',
  undated: 'Sans date',
  error: 'Un problème est survenu : {message}',
  results: 'Correspondances probables : {matches} sur {candidates} photos classées ({ms} ms)',
  noLikely: 'Aucune correspondance probable parmi {candidates} photos classées ({ms} ms) ; les plus proches suivent.',
  lessLikely: 'Moins probables',
  readings: 'Lu dans vos mots',
  readDate: 'Prise {text}',
  readPlace: 'Lieu : {place}',
  undoReading: 'Chercher « {text} » comme des mots',
  previous: 'Précédent',
  next: 'Suivant',
  page: 'Page {page}',
  score: 'score {score}',
  close: 'Fermer',
  caption: 'Légende',
  description: 'Description',
  objects: 'Vu sur l’image',
  text: 'Texte sur l’image',
  taken: 'Prise le',
  place: 'Lieu',
  original: 'Voir la publication d’origine',
  similar: 'Photos semblables',
  noImage: 'Pas d’image disponible',
  addSource: 'Ajouter une source',
  sourcePath: 'Dossier, export ou liste d’URL sur le serveur',
  tokenPrompt: 'Ce serveur demande son jeton d’accès (le --token donné à photosearch serve) :',
  add: 'Ajouter',
  photos: '{n} photos',
  noSources: 'Rien n’est encore indexé.',
  remove: 'Retirer',
  confirmRemove: 'Retirer de l’index les {n} photos de {source} ? Ses fichiers ne sont pas touchés.',
  progress: '{done} photos sur {total}',
  done: 'Terminé : {added} nouvelles, {updated} mises à jour, {removed} retirées.',
  failed: 'Échec : {message}',
  cancelled: 'Annulé : {message}',
  queued: 'En attente…',
  language: 'Langue',
  back: 'Retour à la recherche',
  keyboardHint: 'Flèches pour se déplacer, Entrée pour ouvrir, Échap pour fermer.',
};

export const MESSAGES: Record<Lang, Messages> = { en, fr };

/** French when the browser prefers it, else English. */
export function detectLang(languages: readonly string[]): Lang {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

/** The message with its {placeholders} filled in. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

export interface I18n {
  lang: Lang;
  t: (key: keyof Messages, values?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return { lang, setLang, t: (key, values) => format(MESSAGES[lang][key], values) };
}

export const I18nContext = createContext<I18n>(makeI18n('en', () => {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A date for people, in the interface language. */
export function formatDate(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(iso));
}
