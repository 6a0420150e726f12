import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../electron/core/index';
import { makePng } from '../evidence/helpers';

/**
 * Two cases in one real data folder that share one screenshot by content; case A also has a file of its own, an
 * event and a text export.
 */
export async function twoCases(core: Core, dir: string) {
  const inbox = join(dir, 'in');
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, 'shared.png'), makePng(5, 5));
  writeFileSync(join(inbox, 'own.png'), makePng(7, 3));
  writeFileSync(join(inbox, 'reply.eml'), 'From: dpo@example.com\nSubject: Your request\nDate: Mon, 2 Sep 2024 08:00:00 +0000\n\nWe received it.\n');
  const a = await core.api.call('cases.create', { title: 'Case A', country: 'IE', name: 'Aoife Byrne', email: 'a@example.org' });
  const b = await core.api.call('cases.create', { title: 'Case B', country: 'PL', name: 'Zofia Łukasiewicz', email: 'z@example.org' });
  const aEv = await core.api.call('evidence.add', { caseId: a.id, paths: [join(inbox, 'shared.png'), join(inbox, 'own.png'), join(inbox, 'reply.eml')] });
  const bEv = await core.api.call('evidence.add', { caseId: b.id, paths: [join(inbox, 'shared.png')] });
  await core.api.call('tracking.addEvent', { caseId: a.id, type: 'request_sent', on: '2026-04-30', ref: 'LI-1' });
  const exp = await core.api.call('drafting.export', { caseId: a.id, templateId: 'linkedin-objection', format: 'text', values: { situation: 'I write for a living.' }, anyway: true });
  return { a, b, aEv, bEv, exp };
}
