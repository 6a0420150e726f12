// File attachments without pdf-lib's habit of deflating every file in JavaScript: PNG, JPEG and PDF are compressed
// already (deflating them again costs time and saves nothing), so they go in stored; text-like files are deflated
// with Node's native zlib.
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

const STORED = /^(image\/(png|jpeg|gif|webp)|application\/(pdf|zip|gzip)|video\/|audio\/)/;

export interface Attachment {
  bytes: Uint8Array;
  filename: string;
  mime: string;
  description?: string;
  created?: Date;
}

/** Adds the file to the catalog's EmbeddedFiles name tree (what viewers and `pdfdetach` list) and to /AF. Names are
 * added in call order, so callers pass them sorted (exhibit-01, exhibit-02, …) as the name tree requires. */
export function attachFile(doc: PDFDocument, a: Attachment): void {
  const context = doc.context;
  const stored = STORED.test(a.mime);
  const data = stored ? a.bytes : deflateSync(a.bytes);
  const stream = context.stream(data, {
    Type: 'EmbeddedFile',
    Subtype: a.mime,
    ...(stored ? {} : { Filter: 'FlateDecode' }),
    Params: { Size: a.bytes.length, ...(a.created ? { CreationDate: PDFString.fromDate(a.created) } : {}) },
  });
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(a.filename.replace(/[^\x20-\x7e]/g, '_')),
      UF: PDFHexString.fromText(a.filename),
      EF: { F: context.register(stream) },
      ...(a.description ? { Desc: PDFHexString.fromText(a.description) } : {}),
      AFRelationship: 'Source',
    }),
  );
  const catalog = doc.catalog;
  if (!catalog.has(PDFName.of('Names'))) catalog.set(PDFName.of('Names'), context.obj({}));
  const names = catalog.lookup(PDFName.of('Names'), PDFDict);
  if (!names.has(PDFName.of('EmbeddedFiles'))) names.set(PDFName.of('EmbeddedFiles'), context.obj({ Names: [] }));
  const tree = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  tree.push(PDFHexString.fromText(a.filename));
  tree.push(spec);
  if (!catalog.has(PDFName.of('AF'))) catalog.set(PDFName.of('AF'), context.obj([]));
  catalog.lookup(PDFName.of('AF'), PDFArray).push(spec);
}
