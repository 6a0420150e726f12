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
        <p className="hint">Preparing the preview…</p>
      )}
    </section>
  );
}
