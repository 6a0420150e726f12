import { useTranslation } from 'react-i18next';
import type { DraftPreview } from '../../../electron/core/contract/drafting';

/**
 * The letter as it will be printed: `## ` lines as headings, blank lines between paragraphs, line breaks kept. The
 * letter is in its own language (`language`), not the app's: marked as such, and never translated.
 */
export function LetterPreview({ preview, language }: { preview: DraftPreview | null; language: string }) {
  const { t } = useTranslation('drafting');
  return (
    <section className="letter-preview" aria-labelledby="preview-title" aria-busy={!preview}>
      <h3 id="preview-title">{t('preview.title')}</h3>
      {preview ? (
        <>
          <p className="preview-subject">
            <strong>{t('preview.subject')}</strong>{' '}
            <span translate="no" lang={language}>
              {preview.subject}
            </span>
          </p>
          <div className="letter" tabIndex={0} aria-label={t('preview.letter')} translate="no" lang={language}>
            {preview.text.split(/\n\s*\n/).map((para, i) => {
              // A heading may be followed directly by its text, without a blank line (as in the PDF).
              const [head, ...rest] = para.split('\n');
              if (!head.startsWith('## ')) return <p key={i}>{para}</p>;
              return (
                <div key={i}>
                  <h4>{head.slice(3)}</h4>
                  {rest.length ? <p>{rest.join('\n')}</p> : null}
                </div>
              );
            })}
          </div>
        </>
      ) : (
        <p className="hint">{t('preview.preparing')}</p>
      )}
    </section>
  );
}
