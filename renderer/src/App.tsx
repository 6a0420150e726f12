import { useRef, useSyncExternalStore, type MouseEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { getAccess, subscribeAccess, type Access } from './api';
import { CaseList } from './cases/CaseList';
import { CasePage } from './cases/CasePage';
import { NewCaseForm } from './cases/NewCaseForm';
import { href, useRoute } from './router';
import { ReminderBanner } from './tracking/ReminderBanner';
import { WatchBanner } from './watch/WatchBanner';
import { WatchScreen } from './watch/WatchScreen';
import { LanguagePicker } from './ui/LanguagePicker';
import './shell.css';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const access = useSyncExternalStore(subscribeAccess, getAccess);
  const main = useRef<HTMLElement>(null);
  // The hash is the router's: a plain href="#main" would be read as a route and leave the page. The skip link moves
  // focus to the main content and leaves the address alone.
  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    main.current?.focus({ preventScroll: true });
    main.current?.scrollIntoView({ block: 'start' });
  };
  const here = window.location.hash || href();

  if (access !== 'ok') {
    return (
      <>
        <header className="app-header">
          <span className="brand" translate="no">
            Redress
          </span>
          <LanguagePicker />
        </header>
        <main id="main" tabIndex={-1} ref={main}>
          <NoAccess why={access} />
        </main>
      </>
    );
  }

  let page;
  if (route[0] === 'new') page = <NewCaseForm />;
  else if (route[0] === 'watch') page = <WatchScreen />;
  else if (route[0] === 'cases' && route[1]) page = <CasePage id={route[1]} section={route.slice(2)} />;
  else page = <CaseList />;
  return (
    <>
      <a className="skip-link" href={here} onClick={skip}>
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href={href()} translate="no">
          Redress
        </a>
        <nav aria-label={t('nav.label')}>
          <a href={href()}>{t('nav.cases')}</a>
          <a href={href('watch')} aria-current={route[0] === 'watch' ? 'page' : undefined}>
            {t('nav.watch')}
          </a>
          <a href={href('new')} className="button primary">
            {t('nav.newCase')}
          </a>
        </nav>
        <LanguagePicker />
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <ReminderBanner />
        <WatchBanner />
        {page}
      </main>
    </>
  );
}

/**
 * The browser host answers only an address that carries the key it printed when it started (`?token=`). A link to a
 * case opened without it, or with the key of an earlier run, lands here instead of on an empty "Case not found".
 */
function NoAccess({ why }: { why: Exclude<Access, 'ok'> }) {
  const { t } = useTranslation();
  const deepLink = window.location.hash.startsWith('#/') && window.location.hash !== '#/';
  return (
    <section className="no-access narrow" aria-labelledby="no-access-title">
      <h1 id="no-access-title">{t('noAccess.title')}</h1>
      <p>{why === 'wrong' ? t('noAccess.wrongKey') : t('noAccess.noKey')}</p>
      <h2>{t('noAccess.howTitle')}</h2>
      <ol>
        <li>
          <Trans
            i18nKey="noAccess.step1"
            components={{ code: <code translate="no" />, samp: <samp translate="no" /> }}
            values={{ command: 'npm start', line: 'Redress is running at http://127.0.0.1:4780/?token=…' }}
          />
        </li>
        <li>
          <Trans i18nKey="noAccess.step2" components={{ code: <code translate="no" /> }} values={{ part: '?token=' }} />
        </li>
        <li>
          <Trans i18nKey="noAccess.step3" components={{ code: <code translate="no" /> }} values={{ command: 'npm start' }} />
        </li>
      </ol>
      {deepLink ? <p className="hint">{t('noAccess.deepLink')}</p> : null}
    </section>
  );
}
