/** Phones are shown as 138****5678 (first 3, last 4 digits) in lists, responses and exports. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}
