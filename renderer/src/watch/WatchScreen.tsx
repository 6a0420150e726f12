import { useEffect, useRef, useState } from 'react';
import type { WatchCheck, WatchStatus } from '../../../electron/core/contract/watch';
import { invoke } from '../api';
import { dateTime } from '../ui/dates';
import { useAsync } from '../ui/useAsync';
import { AddDocuments } from './AddDocuments';
import { docLabel, focusWhenShown, plural, runSummary, watchChanged } from './format';
import { Switches } from './Switches';
import { WatchedDocumentCard } from './WatchedDocument';
import './watch.css';

const HOURS = [6, 12, 24] as const;
const AGENT = 'Redress (policy watch of a personal privacy app; one request per document per run)';

/**
 * The Watch screen (#/watch): whether the watch is on and what it fetches, the documents it watches with their changes,
 * newest first, and "Check my switches". Nothing here reaches the internet except "Check now", which the user presses.
 */
export function WatchScreen() {
  const status = useAsync(() => invoke('watch.status', {}), []);
  const docs = useAsync(() => invoke('watch.list', {}), []);
  const platforms = useAsync(() => invoke('platforms.list', {}), []);
  // Bumped after a run, so each document loads its changes again.
  const [version, setVersion] = useState(0);
  // The AI-related changes that were new when this screen showed them; marked seen at once, still labelled "New" here.
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    const ids = status.data?.unseen.map((u) => u.checkId) ?? [];
    if (!ids.length) return;
    setFresh((old) => new Set([...old, ...ids]));
    invoke('watch.markSeen', { checkIds: ids }).then(watchChanged, () => undefined);
  }, [status.data]);

  const reloadAll = () => {
    status.reload();
    docs.reload();
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="watch-title" className="watch-screen">
      <h1 id="watch-title">Policy watch</h1>
      <p className="hint watch-intro">
        The watch reads the privacy policies you choose and tells you when a sentence is added or removed, marking the
        sentences that mention AI, models or training. From a change you can add both versions to a case as evidence.
      </p>
      {status.error ? (
        <p role="alert" className="error">
          Could not load the watch: {status.error}
        </p>
      ) : null}
      {status.data ? (
        <Settings status={status.data} docs={docs.data ?? []} onChange={reloadAll} platformsCount={platforms.data?.length ?? 0} />
      ) : status.loading ? (
        <p role="status">Loading the watch…</p>
      ) : null}

      <section aria-labelledby="watched-title" className="watch-docs">
        <h2 id="watched-title">Watched documents</h2>
        {docs.error ? (
          <p role="alert" className="error">
            Could not load the watched documents: {docs.error}
          </p>
        ) : null}
        {docs.data && !docs.data.length ? <p>None yet. Add a platform&rsquo;s policies or a page below.</p> : null}
        {docs.data?.map((d) => (
          <WatchedDocumentCard key={d.id} doc={d} on={status.data?.enabled ?? false} version={version} fresh={fresh} onRemoved={reloadAll} />
        ))}
      </section>

      <AddDocuments platforms={platforms.data ?? []} platformsError={platforms.error} onAdded={reloadAll} />

      <Switches />
    </section>
  );
}

function Settings(props: { status: WatchStatus; docs: { id: string; name: string | null; url: string }[]; onChange(): void; platformsCount: number }) {
  const { status, docs } = props;
  const [hours, setHours] = useState<number>(HOURS.includes(status.everyHours as 6) ? status.everyHours : 6);
  const [busy, setBusy] = useState<'switch' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ text: string; failed: WatchCheck[] } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // After "Check now", focus moves to the summary of what was found.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const setEnabled = async (enabled: boolean) => {
    setBusy('switch');
    setError(null);
    setResult(null);
    try {
      await invoke('watch.settings.set', enabled ? { enabled, everyHours: hours } : { enabled });
      props.onChange();
      watchChanged();
      focusWhenShown('watch-state-title');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const checkNow = async () => {
    setBusy('run');
    setError(null);
    setResult(null);
    try {
      const results = await invoke('watch.run', { force: true });
      setResult({ text: runSummary(results), failed: results.filter((r) => r.outcome === 'failed') });
      props.onChange();
      watchChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="watch-state-title" className={`watch-state card ${status.enabled ? 'is-on' : 'is-off'}`} aria-busy={busy !== null}>
      <h2 id="watch-state-title">{status.enabled ? 'The watch is on' : 'The watch is off'}</h2>
      {status.enabled ? (
        <>
          <p>
            While Redress is open it checks your documents every {plural(status.everyHours, 'hour')}; each document is
            fetched when it is due (the list below says how often).
          </p>
          <p className="watch-runs">
            Last run: {status.lastRunAt ? dateTime(status.lastRunAt) : 'not yet'}
            {status.nextRunAt ? ` · Next run: ${dateTime(status.nextRunAt)}` : ''}
          </p>
          <p className="hint">
            Each run sends one plain request per document, with no cookies, no login and no account data, and says it
            is “{AGENT}”.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={checkNow} disabled={busy !== null || !docs.length}>
              {busy === 'run' ? `Checking ${plural(docs.length, 'document')}…` : 'Check now'}
            </button>
            <button type="button" onClick={() => setEnabled(false)} disabled={busy !== null}>
              {busy === 'switch' ? 'Turning off…' : 'Turn the watch off'}
            </button>
          </div>
          {!docs.length ? <p className="hint">Add a document below to have something to check.</p> : null}
        </>
      ) : (
        <>
          <p>Nothing is fetched while the watch is off. Once you turn it on, Redress will, while it is open:</p>
          <ul className="watch-promises">
            <li>
              {docs.length ? (
                <>
                  fetch {docs.length === 1 ? 'this document' : `these ${plural(docs.length, 'document')}`} and no other page:
                  <ul className="watch-fetch-list">
                    {docs.map((d) => (
                      <li key={d.id}>
                        {d.name ? (
                          <>
                            {d.name} <span className="watch-url">{d.url}</span>
                          </>
                        ) : (
                          <span className="watch-url">{d.url}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <>
                  fetch only the documents you add below: the policies of a platform (
                  {props.platformsCount ? `${plural(props.platformsCount, 'platform')} to choose from` : 'choose a platform'}) or a page by
                  its address. You have not added any yet;
                </>
              )}
            </li>
            <li>look for due documents every few hours (you choose how often below) and fetch each document at most once a day;</li>
            <li>send one request per document per run and nothing else: no cookies, no login, no account data;</li>
            <li>name itself honestly to the site as “{AGENT}”;</li>
            <li>keep the text it reads and the changes it finds on this computer only.</li>
          </ul>
          <div className="watch-turn-on">
            <div className="field">
              <label htmlFor="watch-every">How often to look</label>
              <select id="watch-every" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                {HOURS.map((h) => (
                  <option key={h} value={h}>
                    Every {h} hours
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="primary" onClick={() => setEnabled(true)} disabled={busy !== null}>
              {busy === 'switch' ? 'Turning on…' : 'Turn the watch on'}
            </button>
          </div>
        </>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="watch-result-live">
        {busy === 'run' ? `Checking ${plural(docs.length, 'document')}…` : ''}
      </div>
      {result ? (
        <div className={`watch-result${result.failed.length ? ' has-failed' : ''}`} tabIndex={-1} ref={resultRef} id="watch-result">
          <p>
            <strong>{result.text}</strong>
          </p>
          {result.failed.length ? (
            <ul>
              {result.failed.map((f) => (
                <li key={f.checkId}>
                  {docLabel({ name: docs.find((d) => d.id === f.id)?.name ?? null, url: f.url })}: {f.failed}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

