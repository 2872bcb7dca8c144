import { organizationCodeCheckCharacter, patentCheckDigit, residentIdCheckCharacter, usccCheckCharacter } from '@app/kernel';

/** Valid test identifiers built with the same check algorithms the validators use (no real people or companies). */
export function uscc(serial: number): string {
  const org = String(10000000 + serial).slice(-8);
  const orgCode = org + organizationCodeCheckCharacter(org);
  const first17 = `91120116${orgCode}`;
  return first17 + usccCheckCharacter(first17);
}

export function residentId(serial: number): string {
  const first17 = `12010119800101${String(100 + serial).slice(-3)}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** e.g. `ZL2023100000017.X`-style: a 2023 invention application number with its check digit. */
export function patentNumber(serial: number, kindDigit = 1): string {
  const digits = `2023${kindDigit}${String(serial).padStart(7, '0')}`;
  return `ZL${digits}.${patentCheckDigit(digits)}`;
}
