// The error classes that cross from the core's worker back to the caller as themselves (export.ts checks
// `instanceof PdfBuildError`). Tags, not class names: a bundler may rename a class.
import { PdfBuildError } from '../pdf/errors';
import { ImageError } from '../pdf/png';
import type { ErrorClasses } from './pool';

export const WORK_ERRORS: ErrorClasses = { PdfBuildError, ImageError };
