/**
 * ABA routing transit number: 9 digits, weights 3-7-1 sum to a multiple of 10, and the first
 * two digits are a Federal Reserve prefix (00-12, 21-32, 61-72, 80).
 */
export function abaRoutingValid(value: string): boolean {
  if (!/^[0-9]{9}$/.test(value)) return false;
  const prefix = Number(value.slice(0, 2));
  const prefixOk =
    (prefix >= 1 && prefix <= 12) ||
    (prefix >= 21 && prefix <= 32) ||
    (prefix >= 61 && prefix <= 72) ||
    prefix === 80;
  if (!prefixOk) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (value.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 10 === 0;
}
