import { useTranslation } from 'react-i18next';
import { SWITCH_RECAPTURE_DAYS } from '../../../electron/core/contract/watch';
import { invoke } from '../api';
import { href } from '../router';
import { dateTime } from '../ui/dates';
import { useAsync } from '../ui/useAsync';

/**
 * "Check my switches": per platform the member's cases are about, the switch state the last capture of its settings
 * page recorded, and whether it is time to capture it again (none yet, or older than SWITCH_RECAPTURE_DAYS days).
 */
export function Switches() {
  const { t } = useTranslation('watch');
  const list = useAsync(() => invoke('switches.status', {}), []);
  return (
    <section aria-labelledby="switches-title" className="watch-switches">
      <h2 id="switches-title">{t('switches.title')}</h2>
      <p className="hint">{t('switches.hint', { count: SWITCH_RECAPTURE_DAYS })}</p>
      {list.error ? (
        <p role="alert" className="error">
          {t('switches.loadError', { error: list.error })}
        </p>
      ) : null}
      {list.data && !list.data.length ? <p>{t('switches.none')}</p> : null}
      {list.data?.length ? (
        <table className="watch-switch-table">
          <caption className="visually-hidden">{t('switches.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('switches.platform')}</th>
              <th scope="col">{t('switches.lastState')}</th>
              <th scope="col">{t('switches.captured')}</th>
              <th scope="col">{t('switches.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('switches.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => {
              const caseId = s.last?.caseId ?? s.caseIds[0];
              return (
                <tr key={s.platform}>
                  <th scope="row" translate="no">
                    {s.platformName}
                  </th>
                  <td data-label={t('switches.lastState')}>
                    {s.last ? (
                      <>
                        <strong className={`toggle toggle-${s.last.state}`}>{t(`switches.state.${s.last.state}`)}</strong>{' '}
                        <span className="hint">{t(s.last.confirmedBy === 'hand' ? 'switches.byHand' : 'switches.fromPage')}</span>
                      </>
                    ) : (
                      t('switches.neverCaptured')
                    )}
                  </td>
                  <td data-label={t('switches.captured')}>
                    {s.last
                      ? s.daysSince === 0
                        ? t('switches.capturedToday', { at: dateTime(s.last.capturedAt) })
                        : t('switches.capturedAgo', { at: dateTime(s.last.capturedAt), count: s.daysSince ?? 0 })
                      : t('switches.never')}
                  </td>
                  <td data-label={t('switches.status')}>
                    {s.due ? <span className="badge badge-due">{t('switches.due')}</span> : <span className="badge badge-fresh">{t('switches.upToDate')}</span>}
                  </td>
                  <td>
                    <a href={href('cases', caseId)}>{t(s.last ? 'switches.captureAgain' : 'switches.capture', { platform: s.platformName })}</a>
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
