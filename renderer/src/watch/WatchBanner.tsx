import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { WatchStatus } from '../../../electron/core/contract/watch';
import { invoke } from '../api';
import { href, useRoute } from '../router';
import { WATCH_CHANGED } from './format';
import './watch.css';

const RECHECK_MS = 10 * 60 * 1000;

/**
 * A line at the top of every screen while the watch has found AI-related policy changes the user has not looked at.
 * Electron also shows a system notification; this banner is the same news for both hosts. The Watch screen itself
 * marks what it shows as seen, so the banner is not shown there.
 */
export function WatchBanner() {
  const { t } = useTranslation('watch');
  const route = useRoute();
  const [status, setStatus] = useState<WatchStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      invoke('watch.status', {}).then(
        (s) => live && setStatus(s),
        () => undefined, // a failed check must not break the page; the next one tries again
      );
    void load();
    const timer = setInterval(load, RECHECK_MS);
    window.addEventListener(WATCH_CHANGED, load);
    window.addEventListener('hashchange', load);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(WATCH_CHANGED, load);
      window.removeEventListener('hashchange', load);
    };
  }, []);
  const unseen = status?.unseen ?? [];
  if (route[0] === 'watch' || !unseen.length) return null;
  const names = [...new Set(unseen.map((u) => u.name))];
  const more = names.length - 3;
  return (
    <aside className="watch-banner" aria-label={t('banner.label')}>
      <p>
        <Trans
          t={t}
          i18nKey={more > 0 ? 'banner.foundMore' : 'banner.found'}
          count={unseen.length}
          values={{ names: names.slice(0, 3).join(t('add.nameSeparator')), more: more > 0 ? t('banner.more', { count: more }) : '' }}
          components={[<strong />, <span translate="no" />, <a href={href('watch')} />]}
        />
      </p>
    </aside>
  );
}
