// Which request or complaint each answering event belongs to. An event may name it (`forEventId`); otherwise it
// belongs to the latest one still open before it: a reply, reminder, extension or acknowledgement to the latest
// request (or complaint to the organisation) not yet answered, a clarification answer to the latest request with a
// question outstanding, an authority's letter to the latest complaint not yet decided.
import { BELONGS_TO, type CaseEvent, type EventType } from '../contract/tracking';

export type Linkable = Pick<CaseEvent, 'id' | 'type' | 'on'> & { forEventId?: string | null; createdAt?: string };

/** Events in the order they happened; same-day events keep the order they were recorded in. */
export function inOrder<E extends Pick<CaseEvent, 'on'> & { createdAt?: string }>(events: E[]): E[] {
  return [...events].sort((a, b) => (a.on === b.on ? (a.createdAt ?? '').localeCompare(b.createdAt ?? '') : a.on < b.on ? -1 : 1));
}

/** The event that closes a thread for the purpose of "still open". */
const CLOSES: Partial<Record<EventType, EventType>> = {
  request_sent: 'response_received',
  organisation_complaint: 'response_received',
  complaint_filed: 'authority_decision',
};

/**
 * The thread each answering event belongs to, by event id: its own `forEventId` when that names an event of an
 * allowed type, else the default. Events in `ordered` must be in date order (see `inOrder`). An event with no
 * possible thread maps to null (checkTimeline explains why).
 */
export function resolveLinks(ordered: Linkable[]): Map<string, string | null> {
  const links = new Map<string, string | null>();
  const byId = new Map(ordered.map((e) => [e.id, e]));
  ordered.forEach((e, i) => {
    const allowed = BELONGS_TO[e.type];
    if (!allowed) return;
    const named = e.forEventId ? byId.get(e.forEventId) : undefined;
    if (named && (allowed as readonly string[]).includes(named.type)) {
      links.set(e.id, named.id);
      return;
    }
    if (e.forEventId) {
      // Named, but missing or of the wrong type: keep the name so checkTimeline can say what is wrong.
      links.set(e.id, e.forEventId);
      return;
    }
    links.set(e.id, defaultThread(ordered.slice(0, i), e.type, allowed, links));
  });
  return links;
}

function defaultThread(before: Linkable[], type: EventType, allowed: readonly string[], links: Map<string, string | null>): string | null {
  const roots = before.filter((r) => allowed.includes(r.type));
  if (!roots.length) return null;
  const answered = (root: Linkable, closing: EventType | undefined) =>
    before.some((x) => x.type === closing && links.get(x.id) === root.id);
  if (type === 'clarification_answered') {
    // The latest request with a question still waiting for the member's answer.
    const waiting = [...roots].reverse().find((r) => {
      const asked = before.filter((x) => x.type === 'clarification_requested' && links.get(x.id) === r.id).length;
      const given = before.filter((x) => x.type === 'clarification_answered' && links.get(x.id) === r.id).length;
      return asked > given;
    });
    if (waiting) return waiting.id;
  }
  const open = [...roots].reverse().find((r) => !answered(r, CLOSES[r.type as EventType]));
  return (open ?? roots[roots.length - 1]).id;
}
