import { Fragment, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Case } from '../../../electron/core/contract';
import type { EvidenceHolder, EvidenceSummary, VerifyResult } from '../../../electron/core/contract/evidence';
import { invoke } from '../api';
import { href, navigate } from '../router';
import { i18next } from '../i18n';
import { num, shortDate } from '../ui/dates';
import { msgText } from '../ui/errors';
import { useAsync } from '../ui/useAsync';
import { capturable, CaptureForms } from './CaptureForms';
import { CustodyLog } from './CustodyLog';
import { DiffView } from './DiffView';
import { EvidenceDetail } from './EvidenceDetail';
import './evidence.css';
import { errorText, itemLinkId, kindLabel, shortHash, takeReturn, toggleLabel, when } from './format';
import { ImportFiles } from './ImportFiles';

/** Which evidence view the route asks for; `evidence/diff/<a>/<b>` is the older address of a comparison. */
function viewOf(section: string[]): { item: string } | { from: string; to: string } | null {
  const [s, a, b, c] = section;
  if (s === 'compare' && a && b) return { from: a, to: b };
  if (s === 'evidence' && a === 'diff' && b && c) return { from: b, to: c };
  if (s === 'evidence' && a && a !== 'diff') return { item: a };
  return null;
}

/**
 * The evidence section of the case page (`#/cases/<id>`), or, on `#/cases/<id>/evidence/<item>` and
 * `#/cases/<id>/compare/<a>/<b>`, only the item or the comparison: the user sees what they chose, with a way back.
 */
export function EvidencePanel(props: { case: Case; section: string[]; onChange(): void }) {
  const { t } = useTranslation('evidence');
  const caseId = props.case.id;
  const list = useAsync(() => invoke('evidence.list', { caseId }), [caseId]);
  const info = useAsync(() => invoke('evidence.capturerInfo', {}), []);
  // The case's platform: its settings and pages are what the capture forms offer.
  const facts = useAsync(() => invoke('platforms.get', { id: props.case.platform }), [props.case.platform]);
  const platform = facts.data?.id === props.case.platform ? facts.data : undefined;
  const [logVersion, setLogVersion] = useState(0);
  const changed = () => {
    list.reload();
    setLogVersion((v) => v + 1);
    props.onChange();
  };
  const view = viewOf(props.section);
  const items = list.data ?? [];

  // Back from an item or a comparison: focus the item the user came from, once the list is there.
  useEffect(() => {
    if (view || !list.data) return;
    const target = takeReturn(caseId);
    const el = target ? document.getElementById(target) : null;
    if (!el) return;
    el.focus({ preventScroll: true });
    // After the case page's own scroll to the top, which runs after this effect in the same commit.
    requestAnimationFrame(() => el.scrollIntoView({ block: 'center' }));
  }, [view === null, list.data, caseId]);

  if (view) {
    return (
      <section aria-labelledby="evidence-view-title" className="card evidence evidence-view" id="evidence">
        {'item' in view ? (
          <EvidenceDetail key={`${caseId}/${view.item}`} caseId={caseId} id={view.item} onChange={changed} />
        ) : (
          <DiffView key={`${caseId}/${view.from}/${view.to}`} caseId={caseId} from={view.from} to={view.to} onSaved={changed} />
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="evidence-title" className="card evidence" id="evidence">
      <h2 id="evidence-title">{t('panel.title')}</h2>
      <CaptureForms caseId={caseId} platform={platform} platformError={facts.error} info={info.data} onDone={changed} />
      <ImportFiles caseId={caseId} onDone={changed} />
      {list.error ? (
        <p role="alert" className="error">
          {list.error}
        </p>
      ) : null}
      <EvidenceTable caseId={caseId} items={items} noSwitch={platform ? !capturable(platform).length : false} onChange={changed} />
      <CustodyLog caseId={caseId} version={logVersion} />
    </section>
  );
}

/** "Request sent on 30 Apr 2026; Note on 2 May 2026". The event type in the language shown (the core's English if unknown). */
const holderText = (h: EvidenceHolder[]) =>
  h
    .map((e) =>
      i18next.t('evidence:holders.one', {
        type: i18next.exists(`tracking.eventType.${e.type}`, { ns: 'core' }) ? i18next.t(`tracking.eventType.${e.type}`, { ns: 'core' }) : e.typeLabel,
        on: shortDate(e.on),
      }),
    )
    .join(i18next.t('evidence:holders.separator'));

/**
 * Asks before deleting, naming the events that hold the item. Focus moves to the question, not to a button, and
 * "Cancel" comes first, so the Enter that opened it cannot delete on a second press.
 */
function DeleteConfirm(props: { item: EvidenceSummary; onCancel(): void; onDelete(): void }) {
  const { t } = useTranslation('evidence');
  const question = useRef<HTMLParagraphElement>(null);
  const holders = useAsync(() => invoke('evidence.holders', { id: props.item.id }), [props.item.id]);
  useEffect(() => question.current?.focus(), []);
  const events = holders.data?.events;
  const qid = `confirm-delete-${props.item.id}`;
  return (
    <div className="confirm-delete" role="group" aria-labelledby={qid}>
      <p id={qid} tabIndex={-1} ref={question}>
        <Trans t={t} i18nKey="delete.question" values={{ title: props.item.title }} components={{ data: <span translate="no" /> }} />
      </p>
      {holders.error ? <p className="error">{holders.error}</p> : null}
      {!events ? (
        <p aria-busy="true">{t('delete.checking')}</p>
      ) : events.length ? (
        <div className="holders-warning">
          <p>
            <Trans t={t} i18nKey="delete.attached" values={{ events: holderText(events) }} components={{ strong: <strong /> }} />
          </p>
          <p>{t('delete.takesOff', { count: events.length, n: num(events.length) })}</p>
        </div>
      ) : (
        <p className="hint">{t('delete.noHolder')}</p>
      )}
      <div className="confirm-actions">
        <button type="button" onClick={props.onCancel}>
          {t('delete.cancel')}
        </button>
        <button type="button" className="danger" disabled={!events && !holders.error} onClick={props.onDelete}>
          {t('delete.yes')}
        </button>
      </div>
    </div>
  );
}

function EvidenceTable(props: { caseId: string; items: EvidenceSummary[]; noSwitch: boolean; onChange(): void }) {
  const { t } = useTranslation('evidence');
  const [picked, setPicked] = useState<string[]>([]);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const itemsHeading = useRef<HTMLHeadingElement>(null);
  const status = new Map(verify?.items.map((i) => [i.id, i]) ?? []);
  const comparable = props.items.filter((i) => i.kind === 'capture');

  const runVerify = async () => {
    setMessage(null);
    try {
      const r = await invoke('evidence.verify', { caseId: props.caseId });
      setVerify(r);
      const bad = r.items.filter((i) => i.status !== 'ok').length;
      setMessage({
        ok: r.ok,
        text: r.ok
          ? t('verify.allOk', { count: r.items.length, n: num(r.items.length), entries: t('verify.entries', { count: r.custody.entries, n: num(r.custody.entries) }) })
          : r.custody.ok
            ? t('verify.bad', { count: bad, n: num(bad) })
            : t('verify.badBroken', { count: bad, n: num(bad), problem: msgText(r.custody.problemMsg, r.custody.problem ?? '') }),
      });
      props.onChange();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };

  const remove = async (item: EvidenceSummary) => {
    try {
      const r = await invoke('evidence.delete', { id: item.id, confirm: true });
      setConfirming(null);
      setPicked((p) => p.filter((x) => x !== item.id));
      setMessage({
        ok: true,
        text: t(r.detachedFrom.length ? 'delete.doneDetached' : 'delete.done', {
          title: item.title,
          kind: kindLabel(item.kind),
          time: when(item.capturedAt ?? item.addedAt),
          events: r.detachedFrom.length ? holderText(r.detachedFrom) : '',
        }),
      });
      props.onChange();
      itemsHeading.current?.focus();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };

  const cancel = (id: string) => {
    setConfirming(null);
    requestAnimationFrame(() => document.getElementById(`evidence-delete-${id}`)?.focus());
  };

  return (
    <div className="evidence-list">
      <div className="row evidence-toolbar">
        <h3 id="evidence-items" tabIndex={-1} ref={itemsHeading}>
          {t('list.items', { n: num(props.items.length) })}
        </h3>
        <button type="button" onClick={() => void runVerify()} disabled={!props.items.length}>
          {t('list.verify')}
        </button>
        <button
          type="button"
          disabled={picked.length !== 2}
          onClick={() => navigate('cases', props.caseId, 'compare', picked[0], picked[1])}
        >
          {t('list.compare')}
        </button>
      </div>
      <p aria-live="polite" className={message ? (message.ok ? 'ok' : 'error') : undefined}>
        {message?.text}
      </p>
      {verify && verify.items.some((i) => i.problems?.length) ? (
        <ul className="verify-problems">
          {verify.items
            .filter((i) => i.problems?.length)
            .map((i) => (
              <li key={i.id}>
                <span translate="no">{i.title ?? i.id}</span>: {i.problems!.map((p, n) => msgText(i.problemsMsg?.[n], p)).join('; ')}
              </li>
            ))}
        </ul>
      ) : null}
      {verify?.custody.head ? (
        <p className="custody-head">
          <Trans
            t={t}
            i18nKey="verify.head"
            values={{ seq: num(verify.custody.head.seq), hash: verify.custody.head.hash }}
            components={{ code: <code /> }}
          />
        </p>
      ) : null}
      {props.items.length ? (
        // A data table may scroll sideways in a narrow window (WCAG 1.4.10 excepts tables); the region takes focus so a
        // keyboard can scroll it.
        <div className="table-scroll" role="region" aria-labelledby="evidence-items" tabIndex={0}>
          <table className="evidence-table" aria-labelledby="evidence-items">
            <thead>
              <tr>
                <th scope="col">{t('list.colCompare')}</th>
                <th scope="col">{t('list.colKind')}</th>
                <th scope="col">{t('list.colTitle')}</th>
                <th scope="col">{t('list.colTime')}</th>
                <th scope="col">{t('list.colHash')}</th>
                <th scope="col">{t('list.colSwitch')}</th>
                <th scope="col">{t('list.colCheck')}</th>
                <th scope="col">{t('list.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((e) => {
                const v = status.get(e.id);
                return (
                  <Fragment key={e.id}>
                    <tr>
                      <td>
                        {comparable.includes(e) ? (
                          <input
                            type="checkbox"
                            aria-label={t('list.compareItem', { title: e.title, time: when(e.capturedAt) })}
                            checked={picked.includes(e.id)}
                            onChange={(ev) => setPicked((p) => (ev.target.checked ? [...p, e.id].slice(-2) : p.filter((x) => x !== e.id)))}
                          />
                        ) : null}
                      </td>
                      <td>{kindLabel(e.kind)}</td>
                      <td>
                        <a
                          id={itemLinkId(e.id)}
                          href={href('cases', props.caseId, 'evidence', e.id)}
                          aria-label={t('list.itemLink', { title: e.title, kind: kindLabel(e.kind), time: when(e.capturedAt ?? e.addedAt) })}
                          translate="no"
                        >
                          {e.title}
                        </a>
                        {e.sourceUrl ? (
                          <span className="rule" translate="no">
                            {e.sourceUrl}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        <time dateTime={e.capturedAt ?? e.addedAt}>{when(e.capturedAt ?? e.addedAt)}</time>
                      </td>
                      <td>
                        <code title={e.sha256} translate="no">{shortHash(e.sha256)}</code>
                      </td>
                      <td>
                        {e.toggle ? (
                          <span className={`toggle toggle-${e.toggle.state}`}>
                            {e.toggle.confirmedBy === 'hand' ? t('list.toggleHand', { state: toggleLabel(e.toggle.state) }) : toggleLabel(e.toggle.state)}
                          </span>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>{v ? <span className={`verify verify-${v.status}`}>{t(`verify.status.${v.status}`)}</span> : '—'}</td>
                      <td>
                        <button
                          type="button"
                          id={`evidence-delete-${e.id}`}
                          className="danger"
                          aria-label={t('list.deleteItem', { title: e.title, time: when(e.capturedAt ?? e.addedAt) })}
                          aria-expanded={confirming === e.id}
                          onClick={() => setConfirming(e.id)}
                        >
                          {t('list.delete')}
                        </button>
                      </td>
                    </tr>
                    {confirming === e.id ? (
                      <tr className="confirm-row">
                        <td colSpan={8}>
                          <DeleteConfirm item={e} onCancel={() => cancel(e.id)} onDelete={() => void remove(e)} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{props.noSwitch ? t('list.emptyNoSwitch') : t('list.empty')}</p>
      )}
    </div>
  );
}
