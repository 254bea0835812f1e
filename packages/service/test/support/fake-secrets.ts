const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A distinct, well-formed (never issued) AWS access key id for test object `i`. */
export function fakeAwsKeyId(i: number): string {
  let suffix = '';
  for (let n = i, k = 0; k < 4; k++, n = Math.floor(n / 32)) suffix = BASE32[n % 32] + suffix;
  return `AKIAZ7QW3RTY5UIO${suffix}`;
}

/** A line the detection engine reports as one AWS access key id. */
export function awsKeyLine(i: number): string {
  return `aws_access_key_id=${fakeAwsKeyId(i)}\n`;
}
