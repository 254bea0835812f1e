const ADVERTISED = new Set(['078051120', '219099999', '123456789']);

/**
 * US Social Security Number structure rules: area not 000, 666 or 900-999; group not 00;
 * serial not 0000; not a number the SSA has invalidated by publication (e.g. 078-05-1120).
 */
export function ssnValid(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length !== 9 || ADVERTISED.has(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  return group !== 0 && serial !== 0;
}

/** US ITIN: 9xx-[50-65|70-88|90-92|94-99]-xxxx. */
export function itinValid(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length !== 9 || digits[0] !== '9') return false;
  const group = Number(digits.slice(3, 5));
  const groupOk =
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    (group >= 94 && group <= 99);
  return groupOk && digits.slice(5) !== '0000';
}
