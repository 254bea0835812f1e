export { createSource, type SourcesConfig } from './create-source.ts';
export { FilesystemSource, type FilesystemSourceOptions, parseFileUri } from './filesystem-source.ts';
export { rangeReader } from './range-reader.ts';
export { createS3Client, parseS3Uri, S3Source, type S3SourceOptions } from './s3-source.ts';
export { SourceError, type SourceErrorCode } from './source-error.ts';
