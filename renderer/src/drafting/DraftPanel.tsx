import type { Case } from '../../../electron/core/contract';
import type { TemplateSummary } from '../../../electron/core/contract/drafting';
import { fileUrl, invoke } from '../api';
import { href } from '../router';
import { dateTime, fileSize } from '../ui/dates';
import { useAsync } from '../ui/useAsync';
import { DraftScreen } from './DraftScreen';

// In the order a member uses them: request, then the reminder, then a complaint; what does not apply goes last.
const STEP = { request: 0, reminder: 1, complaint: 2 } as const;
const byStep = (a: TemplateSummary, b: TemplateSummary) =>
  Number(a.availability?.available === false) - Number(b.availability?.available === false) || STEP[a.kind] - STEP[b.kind] || a.title.localeCompare(b.title);

/** The drafting section of the case page: which documents apply here, the drafting screen, and past exports. */
export function DraftPanel(props: { case: Case; section: string[]; onChange(): void }) {
  const c = props.case;
  const templates = useAsync(() => invoke('drafting.templates', { country: c.country, platform: c.platform }), [c.country, c.platform]);
  const exportsList = useAsync(() => invoke('drafting.exports', { caseId: c.id }), [c.id]);
  const templateId = props.section[0] === 'draft' ? props.section[1] : undefined;

  if (templateId) {
    return (
      <DraftScreen
        key={templateId}
        caseData={c}
        templateId={templateId}
        onExported={() => {
          exportsList.reload();
          props.onChange();
        }}
      />
    );
  }

  return (
    <section className="card draft-panel" aria-labelledby="drafts-title">
      <h2 id="drafts-title">Letters and complaints</h2>
      {templates.error ? <p role="alert" className="error">Could not load templates: {templates.error}</p> : null}
      <ul className="template-list">
        {[...(templates.data ?? [])].sort(byStep).map((t) => {
          const ok = t.availability?.available !== false;
          return (
            <li key={t.id} className={ok ? '' : 'unavailable'}>
              {ok ? (
                <a href={href('cases', c.id, 'draft', t.id)} className="template-link">
                  {t.title}
                </a>
              ) : (
                <span className="template-link" aria-disabled="true">
                  {t.title}
                </span>
              )}
              <p className="hint">{ok ? t.description : `Not for this case: ${t.availability?.reason}`}</p>
            </li>
          );
        })}
      </ul>
      <h3>Exports</h3>
      {exportsList.data?.length ? (
        <table className="exports">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Made</th>
              <th scope="col">Size</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {exportsList.data.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={fileUrl('export', e.id, { download: true })} download={e.filename}>
                    {e.filename}
                  </a>
                </td>
                <td>
                  <time dateTime={e.createdAt}>{dateTime(e.createdAt)}</time>
                </td>
                <td className="nowrap">{fileSize(e.size)}</td>
                <td>
                  <code className="hash">{e.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">Nothing exported yet. Each export is listed here with its hash.</p>
      )}
    </section>
  );
}
