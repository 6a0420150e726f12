import type { ApiRegistry } from '../api/registry';
import { requireCase } from '../cases/api';
import type { CoreContext } from '../context';
import { registerFileResolver } from '../files';
import { compose, draftView } from './compose';
import { EXPORT_MIME, exportDraft, saveDraftValues } from './export';
import { availability } from './prefill';
import { getExport, listExports } from './repo';
import { markSent } from './sent';
import { loadTemplates } from './templates';
import { manifestFor } from './platform-text';
import { PLATFORM_LABELS } from '../contract/cases';
import { exportStoredPath } from '../util/stored-path';

/** Registers the drafting handlers and the `export` file kind (downloads of recorded exports). */
export function registerDrafting(api: ApiRegistry, ctx: CoreContext): void {
  api.register('drafting.templates', ({ country, platform }) =>
    loadTemplates().map(({ manifest }) => manifestFor(manifest, platform ?? 'linkedin', PLATFORM_LABELS[platform ?? 'linkedin'])).map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      kind: m.kind,
      recipient: m.recipient,
      countries: m.countries,
      ...(country ? { availability: availability(m, country) } : {}),
      languages: m.languages.map((code) => ({ code, reviewed: m.reviewed[code] === true })),
    })),
  );
  api.register('drafting.get', ({ caseId, templateId, language }) => draftView(ctx, caseId, templateId, language));
  api.register('drafting.save', ({ caseId, templateId, values, language }) => {
    requireCase(ctx, caseId);
    return { savedAt: saveDraftValues(ctx, caseId, templateId, values, language) };
  });
  api.register('drafting.preview', ({ caseId, templateId, values, language }) => {
    const { language: lang, subject, text, fields, problems } = compose(ctx, caseId, templateId, values, language);
    return { language: lang, subject, text, fields, problems };
  });
  api.register('drafting.export', ({ caseId, templateId, format, profile, budgetBytes, values, anyway, language }) =>
    exportDraft(ctx, caseId, templateId, { format, profile, budgetBytes, anyway, language }, values),
  );
  api.register('drafting.exports', ({ caseId }) => {
    requireCase(ctx, caseId);
    return listExports(ctx.db, caseId);
  });

  api.register('drafting.markSent', (input) => markSent(ctx, input));

  registerFileResolver('export', (c, id) => {
    const rec = getExport(c.db, id);
    if (!rec) return undefined;
    // The path is rebuilt from the export's own id and type; a row whose `file` says anything else (an edited
    // database pointing at another file) serves nothing.
    const ext = { pdf: 'pdf', text: 'txt', eml: 'eml', json: 'json' }[rec.format];
    if (!ext || rec.file !== `exports/${rec.id}.${ext}`) return undefined;
    return { path: exportStoredPath(c.dataDir, rec.id, ext), mime: EXPORT_MIME[rec.format], size: rec.size, filename: rec.filename };
  });
}
