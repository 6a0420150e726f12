import { SWITCH_RECAPTURE_DAYS } from '../../../electron/core/contract/watch';
import { invoke } from '../api';
import { TOGGLE_LABELS } from '../evidence/format';
import { href } from '../router';
import { dateTime, num } from '../ui/dates';
import { useAsync } from '../ui/useAsync';
import { plural } from './format';

/**
 * "Check my switches": per platform the member's cases are about, the switch state the last capture of its settings
 * page recorded, and whether it is time to capture it again (none yet, or older than SWITCH_RECAPTURE_DAYS days).
 */
export function Switches() {
  const list = useAsync(() => invoke('switches.status', {}), []);
  return (
    <section aria-labelledby="switches-title" className="watch-switches">
      <h2 id="switches-title">Check my switches</h2>
      <p className="hint">
        Platforms turn AI-training switches back on and add new ones. Capture each platform&rsquo;s settings page again at
        least every {num(SWITCH_RECAPTURE_DAYS)} days: the capture records the switch&rsquo;s state with its date as evidence.
      </p>
      {list.error ? (
        <p role="alert" className="error">
          Could not load the switches: {list.error}
        </p>
      ) : null}
      {list.data && !list.data.length ? <p>No case yet. Each platform your cases are about is listed here once you start one.</p> : null}
      {list.data?.length ? (
        <table className="watch-switch-table">
          <caption className="visually-hidden">Last captured switch state per platform</caption>
          <thead>
            <tr>
              <th scope="col">Platform</th>
              <th scope="col">Last captured state</th>
              <th scope="col">Captured</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => {
              const caseId = s.last?.caseId ?? s.caseIds[0];
              return (
                <tr key={s.platform}>
                  <th scope="row">{s.platformName}</th>
                  <td data-label="Last captured state">
                    {s.last ? (
                      <>
                        <strong className={`toggle toggle-${s.last.state}`}>{TOGGLE_LABELS[s.last.state]}</strong>{' '}
                        <span className="hint">{s.last.confirmedBy === 'hand' ? '(set by hand)' : '(read from the page)'}</span>
                      </>
                    ) : (
                      'Never captured'
                    )}
                  </td>
                  <td data-label="Captured">{s.last ? `${dateTime(s.last.capturedAt)} (${s.daysSince === 0 ? 'today' : `${plural(s.daysSince ?? 0, 'day')} ago`})` : 'Never'}</td>
                  <td data-label="Status">{s.due ? <span className="badge badge-due">Due: capture again</span> : <span className="badge badge-fresh">Up to date</span>}</td>
                  <td>
                    <a href={href('cases', caseId)}>{`Capture the ${s.platformName} switch${s.last ? ' again' : ''}`}</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
