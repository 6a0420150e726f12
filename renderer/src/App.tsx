import { CaseList } from './cases/CaseList';
import { CasePage } from './cases/CasePage';
import { NewCaseForm } from './cases/NewCaseForm';
import { href, useRoute } from './router';
import { ReminderBanner } from './tracking/ReminderBanner';

export function App() {
  const route = useRoute();
  let page;
  if (route[0] === 'new') page = <NewCaseForm />;
  else if (route[0] === 'cases' && route[1]) page = <CasePage id={route[1]} section={route.slice(2)} />;
  else page = <CaseList />;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={href()}>
          Redress
        </a>
        <nav aria-label="Main">
          <a href={href()}>Cases</a>
          <a href={href('new')} className="button primary">
            New case
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <ReminderBanner />
        {page}
      </main>
    </>
  );
}
