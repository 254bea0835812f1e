export type { ObjectSource, OpenedObject, SourceObject } from './ports/object-source.ts';
export * from './sources/index.ts';
