import { useEffect, useState } from 'react';
import { api, type Job, type Source } from './api';
import { useI18n } from './i18n';

/** Follows a job's server-sent events until it ends; returns what stops listening. */
export function followJob(id: string, onUpdate: (job: Job) => void): () => void {
  const events = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
  const read = (e: MessageEvent) => onUpdate(JSON.parse(e.data) as Job);
  events.addEventListener('progress', read);
  events.addEventListener('end', (e) => {
    read(e as MessageEvent);
    events.close();
  });
  return () => events.close();
}

/** The indexed sources, each removable, and a form to add one and watch it being indexed. */
export function SourcesPage({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const [sources, setSources] = useState<Source[] | null>(null);
  const [path, setPath] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = () => api.sources().then((r) => setSources(r.sources), (e: Error) => setError(e.message));
  useEffect(() => {
    reload();
  }, []);

  const ended = !job || ['done', 'failed', 'cancelled'].includes(job.state);
  useEffect(() => {
    if (ended) {
      if (job?.state === 'done') reload();
      return;
    }
    return followJob(job.id, setJob);
  }, [job?.id, ended]);

  const remove = async (source: Source) => {
    if (!window.confirm(t('confirmRemove', { n: source.photos, source: source.source }))) return;
    setError(null);
    try {
      await api.removeSource(source.source);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const add = async () => {
    setError(null);
    try {
      setJob(await api.addSource(path.trim()));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="sources">
      <p>
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            onBack();
          }}
        >
          ← {t('back')}
        </a>
      </p>
      <h1>{t('sources')}</h1>
      {sources && sources.length === 0 && <p>{t('noSources')}</p>}
      <ul>
        {sources?.map((s) => (
          <li key={s.source}>
            <code>{s.source}</code> — {t('photos', { n: s.photos })}{' '}
            <button type="button" onClick={() => remove(s)}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) add();
        }}
      >
        <h2>{t('addSource')}</h2>
        <label>
          {t('sourcePath')}
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/Pictures" />
        </label>
        <button type="submit" disabled={!path.trim() || job?.state === 'running' || job?.state === 'queued'}>
          {t('add')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {job && <JobStatus job={job} />}
    </section>
  );
}

function JobStatus({ job }: { job: Job }) {
  const { t } = useI18n();
  return (
    <div className="job" aria-live="polite">
      <code>{job.source}</code>
      {job.state === 'queued' && <p>{t('queued')}</p>}
      {job.state === 'running' && (
        <>
          <progress max={Math.max(job.total, 1)} value={job.done} />
          <p>{t('progress', { done: job.done, total: job.total })}</p>
        </>
      )}
      {job.state === 'done' && job.report && <p>{t('done', { ...job.report })}</p>}
      {job.state === 'failed' && (
        <p role="alert" className="error">
          {t('failed', { message: job.message ?? '' })}
        </p>
      )}
      {job.state === 'cancelled' && <p>{t('cancelled', { message: job.message ?? '' })}</p>}
    </div>
  );
}
