import type { DraftPreview } from '../../../electron/core/contract/drafting';

/** The letter as it will be printed: `## ` lines as headings, blank lines between paragraphs, line breaks kept. */
export function LetterPreview({ preview }: { preview: DraftPreview | null }) {
  return (
    <section className="letter-preview" aria-labelledby="preview-title" aria-busy={!preview}>
      <h3 id="preview-title">Preview</h3>
      {preview ? (
        <>
          <p className="preview-subject">
            <strong>Subject:</strong> {preview.subject}
          </p>
          <div className="letter" tabIndex={0} aria-label="Letter preview">
            {preview.text.split(/\n\s*\n/).map((para, i) =>
              para.startsWith('## ') ? <h4 key={i}>{para.slice(3)}</h4> : <p key={i}>{para}</p>,
            )}
          </div>
        </>
      ) : (
        <p className="hint">Preparing the preview…</p>
      )}
    </section>
  );
}
