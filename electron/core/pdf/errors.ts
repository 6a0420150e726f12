/** A PDF that cannot be made from this input (a character the font lacks, a damaged image, a budget no step meets).
 * Its message is for the member: what is wrong and what to do. Thrown in the worker thread, it comes back to the
 * caller as this same class with the same message (see work/errors.ts). */
export class PdfBuildError extends Error {}
