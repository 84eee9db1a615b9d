/** Types and calls of the PhotoSearch HTTP API (see /api/openapi.json). */
import { detectLang, MESSAGES } from './i18n';

export interface Result {
  id: string;
  path: string;
  score: number;
  description: string;
  caption: string;
  taken_at?: string;
  source: string;
  thumbnail_url?: string;
  image_url?: string;
  permalink?: string;
  matched: Record<string, number>;
  /** In search results: whether it is likely what was asked for (likely ones come first). */
  likely?: boolean;
}

/** What a query says that the server reads rather than searches as words. */
export type ReadingKind = 'date' | 'place';

/** One reading: where it lies in the query, and its words there ("in June 2019"). */
export interface Reading {
  kind: ReadingKind;
  start: number;
  end: number;
  text: string;
}

/** The dates and the place read in the query, and the words left. */
export interface Interpreted {
  from?: string;
  to?: string;
  place?: string;
  words: string;
  spans: Reading[];
}

export interface SearchPage {
  query: string;
  /** How many photos were ranked: the results there are to page through. */
  candidates: number;
  /** How many of them are likely matches. */
  matches: number;
  took_ms: number;
  interpreted: Interpreted;
  results: Result[];
}

/** A photo listed without a query (GET /api/photos): a search result without score and matches. */
export type ListedPhoto = Omit<Result, 'score' | 'matched'>;

export interface PhotoList {
  total: number;
  took_ms: number;
  photos: ListedPhoto[];
}

export interface Region {
  label: string;
  score: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Analysis {
  analyser: string;
  version: number;
  phrase: string;
  terms: string[];
  facts: Record<string, string>;
  regions: Region[];
}

export interface Photo {
  id: string;
  source: string;
  path: string;
  permalink?: string;
  taken_at?: string;
  caption: string;
  hashtags: string[];
  alt_text: string;
  place: string;
  video: boolean;
  metadata: Record<string, string>;
  facts?: { width: number; height: number; format: string; bytes: number };
  media_problem?: string;
  analyses: Analysis[];
  description: { shows: string; context: string; summary: string };
  thumbnail_url?: string;
  image_url?: string;
}

export interface Job {
  id: string;
  source: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  report?: { added: number; updated: number; unchanged: number; removed: number; elapsed_ms: number };
  message?: string;
}

export interface Source {
  source: string;
  photos: number;
}

/** What the search page asks: the URL holds the same fields. */
export interface Query {
  q: string;
  source: string;
  from: string;
  to: string;
  sort: 'relevance' | 'date';
  page: number;
  /** Readings the user undid: their words are searched as words. */
  literal?: ReadingKind[];
}

export const PAGE_SIZE = 24;

/** An API error with the server's message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const TOKEN_KEY = 'photosearch-token';
/** Sent by the browser with the page's own images and event streams, which cannot carry a header. */
const TOKEN_COOKIE = 'photosearch_token';
let asking: Promise<string | null> | null = null;

/** The token this tab was given, if the server asked for one. */
export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

function keepToken(token: string | null) {
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    document.cookie = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; path=/; SameSite=Strict`;
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
    document.cookie = `${TOKEN_COOKIE}=; path=/; SameSite=Strict; max-age=0`;
  }
}

/** Asks for the token once, however many calls were refused at the same time; null when none was given. */
function askToken(): Promise<string | null> {
  asking ??= Promise.resolve()
    .then(() => {
      const lang = detectLang(navigator.languages ?? [navigator.language]);
      const token = window.prompt(MESSAGES[lang].tokenPrompt)?.trim() || null;
      keepToken(token);
      return token;
    })
    .finally(() => {
      asking = null;
    });
  return asking;
}

function send(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = storedToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(url, { ...init, headers });
}

/** Calls the API; on a 401 asks for the token once, keeps it for the tab and tries again. */
async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response = await send(url, init);
  if (response.status === 401 && (await askToken())) {
    response = await send(url, init);
    if (response.status === 401) keepToken(null);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, body.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}

export function searchUrl(query: Query): string {
  const params = new URLSearchParams({ q: query.q, limit: String(PAGE_SIZE) });
  if (query.page > 1) params.set('offset', String((query.page - 1) * PAGE_SIZE));
  setFilters(params, query);
  if (query.sort === 'date') params.set('sort', 'date');
  if (query.literal?.length) params.set('literal', query.literal.join(','));
  return `/api/search?${params}`;
}

/** The collection under the query's filters, newest first: {@code limit} photos from {@code offset}. */
export function listUrl(query: Query, offset: number, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (offset > 0) params.set('offset', String(offset));
  setFilters(params, query);
  return `/api/photos?${params}`;
}

/** The source and date filters, shared by searching and browsing. */
function setFilters(params: URLSearchParams, query: Query) {
  if (query.source) params.set('source', query.source);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
}

export const api = {
  search: (query: Query, signal?: AbortSignal) => call<SearchPage>(searchUrl(query), { signal }),
  list: (query: Query, offset: number, limit: number, signal?: AbortSignal) =>
    call<PhotoList>(listUrl(query, offset, limit), { signal }),
  photo: (id: string) => call<Photo>(`/api/photos/${encodeURIComponent(id)}`),
  similar: (id: string) =>
    call<{ results: Result[] }>(`/api/photos/${encodeURIComponent(id)}/similar?limit=8`),
  sources: () => call<{ sources: Source[] }>('/api/sources'),
  addSource: (source: string) =>
    call<Job>('/api/sources', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ source }),
    }),
  removeSource: (source: string) =>
    call<{ source: string; removed: number }>(`/api/sources?source=${encodeURIComponent(source)}`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
    }),
};
