import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, storedToken } from './api';

const TOKEN = 's3cret';

/** A server that, like `photosearch serve --token s3cret`, answers 401 without the right bearer token. */
function serverWithToken() {
  const seen: (string | null)[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('Authorization');
    seen.push(auth);
    if (auth !== `Bearer ${TOKEN}`) {
      return new Response(JSON.stringify({ error: 'unauthorized', message: 'needs a token' }), { status: 401 });
    }
    if (url === '/api/sources' && init?.method === 'POST') {
      return new Response(JSON.stringify({ id: 'j1', source: '/p', state: 'queued', done: 0, total: 0 }), { status: 202 });
    }
    return new Response(JSON.stringify({ sources: [] }), { status: 200 });
  }));
  return seen;
}

beforeEach(() => {
  sessionStorage.clear();
  document.cookie = 'photosearch_token=; path=/; max-age=0';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the token', () => {
  it('is asked once for calls refused together, kept for the tab, and sent from then on', async () => {
    const seen = serverWithToken();
    const prompt = vi.fn(() => ` ${TOKEN} `);
    vi.stubGlobal('prompt', prompt);
    const [sources, job] = await Promise.all([api.sources(), api.addSource('/p')]);
    expect(sources.sources).toEqual([]);
    expect(job.id).toBe('j1');
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(storedToken()).toBe(TOKEN);
    expect(document.cookie).toContain(`photosearch_token=${TOKEN}`);

    await api.sources();
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)).toBe(`Bearer ${TOKEN}`);
  });

  it('is not sent, nor asked for, while the server does not want one', async () => {
    const prompt = vi.fn(() => TOKEN);
    vi.stubGlobal('prompt', prompt);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ sources: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await api.sources();
    expect(prompt).not.toHaveBeenCalled();
    expect(new Headers((fetch.mock.calls[0] as unknown[])[1] as HeadersInit).get('Authorization')).toBeNull();
  });

  it('is forgotten when wrong, and the refusal is shown', async () => {
    const seen = serverWithToken();
    vi.stubGlobal('prompt', vi.fn(() => 'wrong'));
    await expect(api.removeSource('folder:/p')).rejects.toEqual(new ApiError(401, 'needs a token'));
    expect(seen).toEqual([null, 'Bearer wrong']);
    expect(storedToken()).toBeNull();
    expect(document.cookie).not.toContain('photosearch_token=wrong');
  });

  it('is not retried when the user gives none', async () => {
    const seen = serverWithToken();
    vi.stubGlobal('prompt', vi.fn(() => null));
    await expect(api.sources()).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual([null]);
  });
});
