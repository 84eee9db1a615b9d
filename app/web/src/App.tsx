import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nContext, detectLang, makeI18n, type Lang } from './i18n';
import { parseView, viewUrl, type View } from './urlState';
import { SearchPage } from './SearchPage';
import { SourcesPage } from './SourcesPage';

const LANG_KEY = 'photosearch.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  return saved === 'fr' || saved === 'en' ? saved : detectLang(navigator.languages ?? [navigator.language]);
}

/** The whole page: the view comes from the URL, so every state can be shared and reloaded. */
export function App() {
  const [view, setView] = useState<View>(() => parseView(location.pathname, location.search));
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    const onPop = () => setView(parseView(location.pathname, location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const navigate = useCallback((next: View, replace = false) => {
    const url = viewUrl(next);
    if (url !== location.pathname + location.search) {
      if (replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    setView(next);
  }, []);

  const i18n = useMemo(
    () =>
      makeI18n(lang, (next) => {
        localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      }),
    [lang],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <header className="top">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate(parseView('/', ''));
          }}
        >
          {i18n.t('title')}
        </a>
        <nav>
          <a
            href="/sources"
            aria-current={view.page === 'sources' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ ...view, page: 'sources', photo: null });
            }}
          >
            {i18n.t('sources')}
          </a>
          <label className="lang">
            <span className="sr-only">{i18n.t('language')}</span>
            <select value={lang} onChange={(e) => i18n.setLang(e.target.value as Lang)}>
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </label>
        </nav>
      </header>
      <main>
        {view.page === 'sources' ? (
          <SourcesPage onBack={() => navigate({ ...view, page: 'search' })} />
        ) : (
          <SearchPage view={view} navigate={navigate} />
        )}
      </main>
    </I18nContext.Provider>
  );
}
