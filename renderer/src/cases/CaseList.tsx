import { CASE_STATUS_LABELS, PLATFORM_LABELS } from '../../../electron/core/contract';
import { invoke } from '../api';
import { href } from '../router';
import { countryName } from '../ui/countries';
import { useAsync } from '../ui/useAsync';

const dateFmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function CaseList() {
  const { data: cases, error, loading } = useAsync(() => invoke('cases.list', {}), []);
  if (error) return <p role="alert" className="error">Could not load cases: {error}</p>;
  if (loading && !cases) return <p aria-busy="true">Loading cases…</p>;
  if (!cases?.length) {
    return (
      <section className="empty-state" aria-labelledby="empty-title">
        <h1 id="empty-title">Push back on AI training with your data</h1>
        <p>
          Redress helps you gather evidence of how a platform uses your data, object to it, complain to a regulator, and
          keep track of every deadline. Everything stays on this computer.
        </p>
        <a className="button primary" href={href('new')}>
          Start a case
        </a>
      </section>
    );
  }
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">Cases</h1>
      <table className="cases">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Platform</th>
            <th scope="col">Country</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={href('cases', c.id)}>{c.title}</a>
              </td>
              <td>{PLATFORM_LABELS[c.platform]}</td>
              <td>
                <abbr title={countryName(c.country)}>{c.country}</abbr>
              </td>
              <td>
                <span className={`status status-${c.status}`}>{CASE_STATUS_LABELS[c.status]}</span>
              </td>
              <td>
                <time dateTime={c.createdAt}>{dateFmt.format(new Date(c.createdAt))}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
