import { useEffect, useRef, useState } from 'react';
import type { WatchCheck, WatchedDocument } from '../../../electron/core/contract/watch';
import { invoke } from '../api';
import { dateTime, dateTimeLong, num } from '../ui/dates';
import { useAsync } from '../ui/useAsync';
import { AddToCase, StartCase } from './ChangeToCase';
import { docLabel, everyText, focusWhenShown, outcomeText, plural, watchChanged } from './format';

/** How many changes a document shows before "Show all". */
const SHOWN = 5;

/** One watched document: what it is, when it was last checked and how that went, its changes newest first. */
export function WatchedDocumentCard(props: { doc: WatchedDocument; on: boolean; version: number; fresh: Set<string>; onRemoved(): void }) {
  const { doc } = props;
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
      <h3 id={titleId} tabIndex={-1}>
        {label}
      </h3>
      {doc.name ? <p className="watch-url">{doc.url}</p> : null}
      <dl className="watch-facts">
        <div>
          <dt>Last checked</dt>
          <dd>{doc.lastCheckedAt ? dateTime(doc.lastCheckedAt) : 'Not checked yet'}</dd>
        </div>
        <div>
          <dt>Last outcome</dt>
          <dd className={`outcome outcome-${outcome?.outcome ?? 'none'}`}>{outcome ? outcomeText(outcome) : 'None yet: the first check records the text'}</dd>
        </div>
        <div>
          <dt>Checked</dt>
          <dd>
            {everyText(doc.every)}
            {props.on ? `, next ${dateTime(doc.dueAt)}` : ' once the watch is on'}
          </dd>
        </div>
        <div>
          <dt>Versions kept</dt>
          <dd>{num(doc.snapshots)}</dd>
        </div>
      </dl>
      {log.error ? (
        <p role="alert" className="error">
          Could not load the changes: {log.error}
        </p>
      ) : null}
      <h4 className="watch-changes-title">Changes, newest first</h4>
      {log.data && !changes.length ? (
        <p className="hint">
          {baseline ? `No change since the first version was recorded on ${dateTime(baseline.checkedAt)}.` : 'No change recorded yet.'}
          {last?.outcome === 'failed' ? ' The last check failed (see above), so a newer change may not have been seen yet.' : ''}
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
          {all ? `Show the latest ${num(SHOWN)} changes of ${label}` : `Show all ${num(changes.length)} changes of ${label}`}
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
  if (!props.list.length) return null;
  const title = props.kind === 'added' ? `Added (${num(props.list.length)})` : `Removed (${num(props.list.length)})`;
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
              {ai ? <span className="ai-label">AI-related</span> : null}
              {props.kind === 'added' ? <ins>{s}</ins> : <del>{s}</del>}
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
  const label = docLabel(props.doc);
  const [panel, setPanel] = useState<Panel>('none');
  const name = `${label} change of ${props.when}`;
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
          Change of {props.when}
          {c.aiRelated ? <span className="ai-label">AI-related</span> : null}
          {props.fresh ? <span className="badge badge-new">New</span> : null}
        </h5>
        <p className="hint">
          {plural(c.added.length, 'sentence')} added, {plural(c.removed.length, 'sentence')} removed
          {props.earlier ? `, compared with the text fetched ${dateTime(props.earlier)}` : ''}
          {c.httpStatus ? ` · page answered HTTP ${c.httpStatus}` : ''}
        </p>
        <Sentences kind="added" list={c.added} ai={c.aiSentences} id={`${base}-added`} />
        <Sentences kind="removed" list={c.removed} ai={c.aiSentences} id={`${base}-removed`} />
        <div className="actions">
          <button type="button" ref={addButton} aria-expanded={panel === 'add'} aria-controls={`${base}-panel`} onClick={() => toggle('add')} aria-label={`Add the ${name} to a case`}>
            Add to a case
          </button>
          <button type="button" ref={newButton} aria-expanded={panel === 'new'} aria-controls={`${base}-panel`} onClick={() => toggle('new')} aria-label={`Start a case from the ${name}`}>
            Start a case from this
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
          {panel === 'add' ? <AddToCase change={c} name={name} onClose={close} /> : null}
          {panel === 'new' ? <StartCase change={c} doc={props.doc} name={name} onClose={close} /> : null}
        </div>
      </article>
    </li>
  );
}

/** "Stop watching", then a confirmation that takes focus itself, so a second Enter does not remove anything. */
function RemoveDocument(props: { doc: WatchedDocument; onRemoved(): void }) {
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
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const confirmId = `remove-${props.doc.id}-text`;
  return (
    <div className="watch-remove">
      {asking ? (
        <div className="confirm" role="group" aria-label={`Confirm: stop watching ${label}`} aria-describedby={confirmId} tabIndex={-1} ref={box}>
          <p id={confirmId}>
            Stop watching {label}? Its saved versions and changes are deleted from the watch. Anything you already added to a
            case stays in the case.
          </p>
          <button type="button" onClick={() => setAsking(false)} disabled={busy}>
            Keep watching
          </button>
          <button type="button" className="danger" onClick={remove} disabled={busy} aria-label={`Yes, stop watching ${label}`}>
            {busy ? 'Removing…' : 'Yes, stop watching'}
          </button>
        </div>
      ) : (
        <button type="button" className="danger-quiet" ref={opener} onClick={() => setAsking(true)} aria-label={`Stop watching ${label}`}>
          Stop watching…
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
