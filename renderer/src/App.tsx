import { useRef, useSyncExternalStore, type MouseEvent } from 'react';
import { getAccess, subscribeAccess, type Access } from './api';
import { CaseList } from './cases/CaseList';
import { CasePage } from './cases/CasePage';
import { NewCaseForm } from './cases/NewCaseForm';
import { href, useRoute } from './router';
import { ReminderBanner } from './tracking/ReminderBanner';
import { WatchBanner } from './watch/WatchBanner';
import { WatchScreen } from './watch/WatchScreen';
import './shell.css';

export function App() {
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
          <span className="brand">Redress</span>
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
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={href()}>
          Redress
        </a>
        <nav aria-label="Main">
          <a href={href()}>Cases</a>
          <a href={href('watch')} aria-current={route[0] === 'watch' ? 'page' : undefined}>
            Watch
          </a>
          <a href={href('new')} className="button primary">
            New case
          </a>
        </nav>
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
  const deepLink = window.location.hash.startsWith('#/') && window.location.hash !== '#/';
  return (
    <section className="no-access narrow" aria-labelledby="no-access-title">
      <h1 id="no-access-title">Open Redress with its key</h1>
      <p>
        {why === 'wrong'
          ? 'The key this tab holds is from an earlier start of Redress. A new key is made each time Redress starts, so the old one no longer opens it.'
          : 'This address has no key. Redress in a browser opens only with the key it printed when it started, so no other program or web page on this computer can reach your cases.'}
      </p>
      <h2>To get in</h2>
      <ol>
        <li>
          Go to the terminal window where you started Redress (<code>npm start</code>). It printed a line such as{' '}
          <samp>Redress is running at http://127.0.0.1:4780/?token=…</samp>
        </li>
        <li>Copy that whole address, including everything after <code>?token=</code>, and open it in this tab.</li>
        <li>If Redress is no longer running, start it again with <code>npm start</code> and use the new address it prints.</li>
      </ol>
      {deepLink ? <p className="hint">Opened in this tab, that address brings you back to the page you asked for.</p> : null}
    </section>
  );
}
