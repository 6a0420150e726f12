import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { WatchCheck, WatchedDocument } from '../../../electron/core/contract/watch';
import { invoke } from '../api';
import { dateTime, dateTimeLong, num } from '../ui/dates';
import { errorText } from '../ui/errors';
import { useAsync } from '../ui/useAsync';
import { AddToCase, StartCase } from './ChangeToCase';
import { docLabel, everyText, focusWhenShown, outcomeText, watchChanged } from './format';

/** How many changes a document shows before "Show all". */
const SHOWN = 5;

/** One watched document: what it is, when it was last checked and how that went, its changes newest first. */
export function WatchedDocumentCard(props: { doc: WatchedDocument; on: boolean; version: number; fresh: Set<string>; onRemoved(): void }) {
  const { doc } = props;
  const { t } = useTranslation('watch');
  const label = docLabel(doc);
  const log = useAsync(() => invoke('watch.log', { id: doc.id, limit: 200 }), [doc.id, props.version, doc.lastCheckedAt]);
  const [all, setAll] = useState(false);
  const last = log.data?.[0];
  const changes = (log.data ?? []).filter((c) => c.outcome === 'changed');
  const baseline = (log.data ?? []).find((c) => c.outcome === 'baseline');
  const shown = all ? changes : changes.slice(0, SHOWN);
  // Two changes in the same minute (a run by hand right after another) are told apart by their seconds.
  const minutes = changes.map((c) => dateTime(c.checkedAt));
  const when = (c: WatchCheck) => (minutes.filter((m) => m === dateTime(c.checkedAt)).length > 1 ? dateTimeLong(c.checkedAt) : dateTime(c.checkedAt));
  const titleId = `doc-${doc.id}-title`;
  const outcome = last ?? (doc.lastOutcome ? { outcome: doc.lastOutcome, aiRelated: false, failed: undefined } : null);

  return (
    <article className={`watch-doc card${outcome?.outcome === 'failed' ? ' is-failed' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1} translate="no">
        {label}
      </h3>
      {doc.name ? (
        <p className="watch-url" translate="no">
          {doc.url}
        </p>
      ) : null}
      <dl className="watch-facts">
        <div>
          <dt>{t('doc.lastChecked')}</dt>
          <dd>{doc.lastCheckedAt ? dateTime(doc.lastCheckedAt) : t('doc.notChecked')}</dd>
        </div>
        <div>
          <dt>{t('doc.lastOutcome')}</dt>
          <dd className={`outcome outcome-${outcome?.outcome ?? 'none'}`}>{outcome ? outcomeText(outcome) : t('doc.noOutcome')}</dd>
        </div>
        <div>
          <dt>{t('doc.checked')}</dt>
          <dd>
            {doc.checking
              ? t('doc.checkingNow')
              : props.on
                ? t('doc.checkedNext', { every: everyText(doc.every), at: dateTime(doc.dueAt) })
                : t('doc.checkedOff', { every: everyText(doc.every) })}
          </dd>
        </div>
        <div>
          <dt>{t('doc.versions')}</dt>
          <dd>{num(doc.snapshots)}</dd>
        </div>
      </dl>
      {log.error ? (
        <p role="alert" className="error">
          {t('doc.logError', { error: log.error })}
        </p>
      ) : null}
      <h4 className="watch-changes-title">{t('doc.changesTitle')}</h4>
      {log.data && !changes.length ? (
        <p className="hint">
          {baseline ? t('doc.noChangeSince', { at: dateTime(baseline.checkedAt) }) : t('doc.noChangeYet')}
          {last?.outcome === 'failed' ? ` ${t('doc.lastFailed')}` : ''}
        </p>
      ) : null}
      {shown.length ? (
        <ol className="watch-changes">
          {shown.map((c) => (
            <ChangeItem key={c.checkId} change={c} when={when(c)} earlier={earlierText(log.data ?? [], c)} doc={doc} fresh={props.fresh.has(c.checkId)} />
          ))}
        </ol>
      ) : null}
      {changes.length > SHOWN ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('doc.showLatest', { count: SHOWN, doc: label }) : t('doc.showAll', { count: changes.length, doc: label })}
        </button>
      ) : null}
      <RemoveDocument doc={doc} onRemoved={props.onRemoved} />
    </article>
  );
}

/** When the text this change is compared with was fetched: the newest earlier check that recorded a version. */
function earlierText(log: WatchCheck[], c: WatchCheck): string | null {
  const i = log.findIndex((x) => x.checkId === c.checkId);
  const before = log.slice(i + 1).find((x) => x.outcome === 'baseline' || x.outcome === 'changed');
  return before ? before.checkedAt : null;
}

function Sentences(props: { kind: 'added' | 'removed'; list: string[]; ai: string[]; id: string }) {
  const { t } = useTranslation('watch');
  if (!props.list.length) return null;
  const title = t(props.kind === 'added' ? 'change.addedTitle' : 'change.removedTitle', { count: props.list.length });
  return (
    <>
      <h6 id={props.id} className="sentences-title">
        {title}
      </h6>
      <ul className={`sentences sentences-${props.kind}`} aria-labelledby={props.id}>
        {props.list.map((s, i) => {
          const ai = props.ai.includes(s);
          return (
            <li key={i} className={ai ? 'is-ai' : undefined}>
              {ai ? <span className="ai-label">{t('change.aiRelated')}</span> : null}
              {props.kind === 'added' ? <ins translate="no">{s}</ins> : <del translate="no">{s}</del>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

type Panel = 'none' | 'add' | 'new';

function ChangeItem(props: { change: WatchCheck; when: string; earlier: string | null; doc: WatchedDocument; fresh: boolean }) {
  const c = props.change;
  const { t } = useTranslation('watch');
  const label = docLabel(props.doc);
  const [panel, setPanel] = useState<Panel>('none');
  const base = `chg-${c.checkId}`;
  const toggle = (p: Panel) => setPanel(panel === p ? 'none' : p);
  const addButton = useRef<HTMLButtonElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  // Cancel or Escape closes the panel and puts focus back on the button that opened it.
  const close = () => {
    const opener = panel === 'add' ? addButton.current : newButton.current;
    setPanel('none');
    requestAnimationFrame(() => opener?.focus());
  };
  return (
    <li className={`watch-change${c.aiRelated ? ' is-ai' : ''}`}>
      <article aria-labelledby={`${base}-title`}>
        <h5 id={`${base}-title`}>
          {t('change.title', { when: props.when })}
          {c.aiRelated ? <span className="ai-label">{t('change.aiRelated')}</span> : null}
          {props.fresh ? <span className="badge badge-new">{t('change.new')}</span> : null}
        </h5>
        <p className="hint">
          {t(props.earlier ? 'change.countsCompared' : 'change.counts', {
            added: t('change.added', { count: c.added.length }),
            removed: t('change.removed', { count: c.removed.length }),
            at: props.earlier ? dateTime(props.earlier) : '',
          })}
          {c.httpStatus ? ` · ${t('change.http', { status: c.httpStatus })}` : ''}
        </p>
        <Sentences kind="added" list={c.added} ai={c.aiSentences} id={`${base}-added`} />
        <Sentences kind="removed" list={c.removed} ai={c.aiSentences} id={`${base}-removed`} />
        <div className="actions">
          <button type="button" ref={addButton} aria-expanded={panel === 'add'} aria-controls={`${base}-panel`} onClick={() => toggle('add')} aria-label={t('change.addToCaseLabel', { doc: label, when: props.when })}>
            {t('change.addToCase')}
          </button>
          <button type="button" ref={newButton} aria-expanded={panel === 'new'} aria-controls={`${base}-panel`} onClick={() => toggle('new')} aria-label={t('change.startCaseLabel', { doc: label, when: props.when })}>
            {t('change.startCase')}
          </button>
        </div>
        <div
          id={`${base}-panel`}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && panel !== 'none') {
              e.preventDefault();
              close();
            }
          }}
        >
          {panel === 'add' ? <AddToCase change={c} doc={label} when={props.when} onClose={close} /> : null}
          {panel === 'new' ? <StartCase change={c} doc={props.doc} when={props.when} onClose={close} /> : null}
        </div>
      </article>
    </li>
  );
}

/** "Stop watching", then a confirmation that takes focus itself, so a second Enter does not remove anything. */
function RemoveDocument(props: { doc: WatchedDocument; onRemoved(): void }) {
  const { t } = useTranslation('watch');
  const label = docLabel(props.doc);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) box.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await invoke('watch.remove', { id: props.doc.id });
      props.onRemoved();
      watchChanged();
      focusWhenShown('watched-title');
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  const confirmId = `remove-${props.doc.id}-text`;
  return (
    <div className="watch-remove">
      {asking ? (
        <div className="confirm" role="group" aria-label={t('remove.confirmLabel', { doc: label })} aria-describedby={confirmId} tabIndex={-1} ref={box}>
          <p id={confirmId}>
            <Trans t={t} i18nKey="remove.confirmText" values={{ doc: label }} components={[<span translate="no" />]} />
          </p>
          <button type="button" onClick={() => setAsking(false)} disabled={busy}>
            {t('remove.keep')}
          </button>
          <button type="button" className="danger" onClick={remove} disabled={busy} aria-label={t('remove.yesLabel', { doc: label })}>
            {busy ? t('remove.removing') : t('remove.yes')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger-quiet" ref={opener} onClick={() => setAsking(true)} aria-label={t('remove.stopLabel', { doc: label })}>
          {t('remove.stop')}
        </button>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
