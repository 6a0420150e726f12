import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPath, href } from '../router';
import { rememberReturn } from './format';

/**
 * The heading of an evidence view takes focus once its content is there (`ready` changes from null to a key), and
 * the view is scrolled so it starts on screen: choosing an item must visibly do something, wherever the user was.
 */
export function useArrivalFocus(ready: string | null) {
  const ref = useRef<HTMLHeadingElement>(null);
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || done.current === ready) return;
    done.current = ready;
    const h = ref.current;
    if (!h) return;
    h.focus({ preventScroll: true });
    // A frame later: the case page scrolls to the top when its route changes, after this effect has run.
    requestAnimationFrame(() => {
      const view = (h.closest('section') as HTMLElement | null) ?? h;
      const top = view.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight * 0.5) view.scrollIntoView({ block: 'start' });
    });
  }, [ready]);
  return ref;
}

/**
 * Leaving a view for its case (the Back link or the browser's back button) notes which item to focus in the list.
 * Read on unmount, when the address already names where the user went.
 */
export function useReturnTo(caseId: string, evidenceId: string) {
  useEffect(
    () => () => {
      const [p, id, more] = currentPath();
      if (p === 'cases' && id === caseId && !more) rememberReturn(caseId, evidenceId);
    },
    [caseId, evidenceId],
  );
}

export function BackToEvidence(props: { caseId: string }) {
  const { t } = useTranslation('evidence');
  return (
    <a className="back-link" href={href('cases', props.caseId)}>
      {t('back')}
    </a>
  );
}
