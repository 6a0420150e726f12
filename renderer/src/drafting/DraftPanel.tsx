import type { Case } from '../../../electron/core/contract';
import type { TemplateSummary } from '../../../electron/core/contract/drafting';
import { useTranslation } from 'react-i18next';
import { fileUrl, invoke } from '../api';
import { href } from '../router';
import { dateTime, fileSize } from '../ui/dates';
import { errorText, msgText } from '../ui/errors';
import { useAsync } from '../ui/useAsync';
import { DraftScreen } from './DraftScreen';

// In the order a member uses them: request, then the reminder, then a complaint; what does not apply goes last.
const STEP = { request: 0, reminder: 1, complaint: 2 } as const;
const byStep = (a: TemplateSummary, b: TemplateSummary) =>
  Number(a.availability?.available === false) - Number(b.availability?.available === false) || STEP[a.kind] - STEP[b.kind] || a.title.localeCompare(b.title);

/** The drafting section of the case page: which documents apply here, the drafting screen, and past exports. */
export function DraftPanel(props: { case: Case; section: string[]; onChange(): void }) {
  const { t } = useTranslation('drafting');
  const c = props.case;
  const templates = useAsync(
    () =>
      invoke('drafting.templates', { country: c.country, platform: c.platform }).catch((err: unknown) => {
        throw new Error(errorText(err));
      }),
    [c.country, c.platform],
  );
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
      <h2 id="drafts-title">{t('panel.title')}</h2>
      {templates.error ? (
        <p role="alert" className="error">
          {t('panel.loadFailed', { error: templates.error })}
        </p>
      ) : null}
      <ul className="template-list">
        {[...(templates.data ?? [])].sort(byStep).map((tpl) => {
          const ok = tpl.availability?.available !== false;
          return (
            <li key={tpl.id} className={ok ? '' : 'unavailable'}>
              {ok ? (
                <a href={href('cases', c.id, 'draft', tpl.id)} className="template-link" translate="no">
                  {tpl.title}
                </a>
              ) : (
                <span className="template-link" aria-disabled="true" translate="no">
                  {tpl.title}
                </span>
              )}
              {ok ? (
                <p className="hint" translate="no">
                  {tpl.description}
                </p>
              ) : (
                <p className="hint">{t('panel.notForCase', { reason: msgText(tpl.availability?.reasonMsg, tpl.availability?.reason ?? '') })}</p>
              )}
            </li>
          );
        })}
      </ul>
      <h3>{t('panel.exports')}</h3>
      {exportsList.data?.length ? (
        <table className="exports">
          <thead>
            <tr>
              <th scope="col">{t('panel.file')}</th>
              <th scope="col">{t('panel.made')}</th>
              <th scope="col">{t('panel.size')}</th>
              <th scope="col">{t('panel.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {exportsList.data.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={fileUrl('export', e.id, { download: true })} download={e.filename} translate="no">
                    {e.filename}
                  </a>
                </td>
                <td>
                  <time dateTime={e.createdAt}>{dateTime(e.createdAt)}</time>
                </td>
                <td className="nowrap">{fileSize(e.size)}</td>
                <td>
                  <code className="hash" translate="no">
                    {e.sha256}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="hint">{t('panel.noExports')}</p>
      )}
    </section>
  );
}
