const BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Problems with an S3 general-purpose bucket name under AWS naming rules; empty when valid. */
export function bucketNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) problems.push('must be 3 to 63 characters long');
  if (!/^[a-z0-9.-]*$/.test(name))
    problems.push('may contain only lower-case letters, digits, dots and hyphens');
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))
    problems.push('must begin and end with a letter or digit');
  if (name.includes('..')) problems.push('must not contain two adjacent dots');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) problems.push('must not be formatted as an IP address');
  for (const prefix of BUCKET_PREFIXES)
    if (name.startsWith(prefix)) problems.push(`must not start with "${prefix}"`);
  for (const suffix of BUCKET_SUFFIXES)
    if (name.endsWith(suffix)) problems.push(`must not end with "${suffix}"`);
  return problems;
}
