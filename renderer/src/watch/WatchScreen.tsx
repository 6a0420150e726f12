import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { WatchCheck, WatchStatus } from '../../../electron/core/contract/watch';
import { invoke } from '../api';
import { dateTime } from '../ui/dates';
import { errorText } from '../ui/errors';
import { useAsync } from '../ui/useAsync';
import { AddDocuments } from './AddDocuments';
import { docLabel, failedReason, focusWhenShown, runSummary, watchChanged } from './format';
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
  const { t } = useTranslation('watch');
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
      <h1 id="watch-title">{t('screen.title')}</h1>
      <p className="hint watch-intro">{t('screen.intro')}</p>
      {status.error ? (
        <p role="alert" className="error">
          {t('screen.loadError', { error: status.error })}
        </p>
      ) : null}
      {status.data ? (
        <Settings status={status.data} docs={docs.data ?? []} onChange={reloadAll} platformsCount={platforms.data?.length ?? 0} />
      ) : status.loading ? (
        <p role="status">{t('screen.loading')}</p>
      ) : null}

      <section aria-labelledby="watched-title" className="watch-docs">
        <h2 id="watched-title">{t('screen.docsTitle')}</h2>
        {docs.error ? (
          <p role="alert" className="error">
            {t('screen.docsError', { error: docs.error })}
          </p>
        ) : null}
        {docs.data && !docs.data.length ? <p>{t('screen.docsNone')}</p> : null}
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
  const { t } = useTranslation('watch');
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
      setError(errorText(err));
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
      // A document another run holds right now (the schedule, `redress watch run`) was left to it: say so.
      const checked = new Set(results.map((r) => r.id));
      const elsewhere = (await invoke('watch.list', {})).filter((d) => d.checking && !checked.has(d.id)).length;
      setResult({ text: runSummary(results, elsewhere), failed: results.filter((r) => r.outcome === 'failed') });
      props.onChange();
      watchChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="watch-state-title" className={`watch-state card ${status.enabled ? 'is-on' : 'is-off'}`} aria-busy={busy !== null}>
      <h2 id="watch-state-title">{t(status.enabled ? 'state.on' : 'state.off')}</h2>
      {status.enabled ? (
        <>
          <p>{t('state.onText', { count: status.everyHours })}</p>
          <p className="watch-runs">{runsText(t, status)}</p>
          <p className="hint">
            <Trans t={t} i18nKey="state.agentHint" values={{ agent: AGENT }} components={[<span translate="no" />]} />
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={checkNow} disabled={busy !== null || !docs.length}>
              {busy === 'run' ? t('state.checking', { count: docs.length }) : t('state.checkNow')}
            </button>
            <button type="button" onClick={() => setEnabled(false)} disabled={busy !== null}>
              {busy === 'switch' ? t('state.turningOff') : t('state.turnOff')}
            </button>
          </div>
          {!docs.length ? <p className="hint">{t('state.addFirst')}</p> : null}
        </>
      ) : (
        <>
          <p>{t('state.offIntro')}</p>
          <ul className="watch-promises">
            <li>
              {docs.length ? (
                <>
                  {t('state.fetchThese', { count: docs.length })}
                  <ul className="watch-fetch-list">
                    {docs.map((d) => (
                      <li key={d.id} translate="no">
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
              ) : props.platformsCount ? (
                t('state.fetchOnly', { count: props.platformsCount })
              ) : (
                t('state.fetchOnlyNoPlatforms')
              )}
            </li>
            <li>{t('state.promiseOften')}</li>
            <li>{t('state.promiseRequest')}</li>
            <li>
              <Trans t={t} i18nKey="state.promiseName" values={{ agent: AGENT }} components={[<span translate="no" />]} />
            </li>
            <li>{t('state.promiseLocal')}</li>
          </ul>
          <div className="watch-turn-on">
            <div className="field">
              <label htmlFor="watch-every">{t('state.howOften')}</label>
              <select id="watch-every" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                {HOURS.map((h) => (
                  <option key={h} value={h}>
                    {t('state.everyHours', { count: h })}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="primary" onClick={() => setEnabled(true)} disabled={busy !== null}>
              {busy === 'switch' ? t('state.turningOn') : t('state.turnOn')}
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
        {busy === 'run' ? t('state.checking', { count: docs.length }) : ''}
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
                  <Trans
                    t={t}
                    i18nKey="state.failedItem"
                    values={{ doc: docLabel({ name: docs.find((d) => d.id === f.id)?.name ?? null, url: f.url }), reason: failedReason(f) }}
                    components={[<span translate="no" />]}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** When the watch last ran and runs next, as one line. */
function runsText(t: TFunction<'watch'>, status: WatchStatus): string {
  const last = status.lastRunAt ? dateTime(status.lastRunAt) : null;
  const next = status.nextRunAt ? dateTime(status.nextRunAt) : null;
  if (last) return next ? t('state.runsLastNext', { last, next }) : t('state.runsLast', { last });
  return next ? t('state.runsNeverNext', { next }) : t('state.runsNever');
}
