import type { CoreContext } from './context';
import type { StoredPath } from './util/stored-path';

/**
 * Stored files the UI may show or download (evidence images, exported PDFs). A feature registers a resolver per kind;
 * hosts serve `kind/id` through it (HTTP `/files/<kind>/<id>`, Electron `redress-file://<kind>/<id>`), so a request
 * can only ever reach a file the database knows, never an arbitrary path.
 */
export interface StoredFile {
  /** Made by the core from its own records (a hash, an export id), never from a value a page or a user supplied. */
  path: StoredPath;
  mime: string;
  size: number;
  /** Suggested download name (already sanitised). */
  filename: string;
}
export type FileResolver = (ctx: CoreContext, id: string) => StoredFile | undefined;

const resolvers = new Map<string, FileResolver>();

export function registerFileResolver(kind: string, resolver: FileResolver): void {
  resolvers.set(kind, resolver);
}

export function resolveFile(ctx: CoreContext, kind: string, id: string): StoredFile | undefined {
  return resolvers.get(kind)?.(ctx, id);
}
