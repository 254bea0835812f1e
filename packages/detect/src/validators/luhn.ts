/** True when a digit string passes the Luhn (mod 10) check. Non-digits are ignored. */
export function luhnValid(input: string): boolean {
  const digits = input.replace(/[^0-9]/g, '');
  if (digits.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The digit that, appended to `partial`, makes it pass the Luhn check. */
export function luhnCheckDigit(partial: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + d)) return d;
  throw new Error('unreachable');
}
