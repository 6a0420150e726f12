import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { num } from '../ui/dates';
import { msgText } from '../ui/errors';
import { useAsync } from '../ui/useAsync';
import { shortHash, when } from './format';

/** Hashes shortened, long text cut: the full entry is in the database and the CLI. */
const brief = (v: string) => (/^[0-9a-f]{64}$/.test(v) ? shortHash(v) + '…' : v.length > 90 ? v.slice(0, 90) + '…' : v);

/** The case's hash-chained custody log, newest last, with the chain's state. */
export function CustodyLog(props: { caseId: string; version: number }) {
  const { t } = useTranslation('evidence');
  const log = useAsync(() => invoke('evidence.custody', { caseId: props.caseId }), [props.caseId, props.version]);
  const entries = log.data?.entries ?? [];
  return (
    <details className="custody-log">
      <summary>
        {t(log.data ? (log.data.ok ? 'custody.summaryIntact' : 'custody.summaryBroken') : 'custody.summary', { count: entries.length, n: num(entries.length) })}
      </summary>
      {log.data && !log.data.ok ? <p className="error">{msgText(log.data.problemMsg, log.data.problem ?? '')}</p> : null}
      <ol>
        {entries.map((e) => (
          <li key={e.seq}>
            <time dateTime={e.at}>{when(e.at)}</time> <strong translate="no">{e.action}</strong>{' '}
            <span className="rule" translate="no">
              {Object.entries(e.detail)
                .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                .map(([k, v]) => `${k}: ${brief(String(v))}`)
                .join(' · ')}
            </span>
            <code className="rule">{t('custody.hashLine', { hash: shortHash(e.hash), prev: shortHash(e.prevHash) })}</code>
          </li>
        ))}
      </ol>
    </details>
  );
}
