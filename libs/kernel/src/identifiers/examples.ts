import { patentCheckDigit } from './patent-number';
import { residentIdCheckCharacter } from './resident-id';
import { organizationCodeCheckCharacter, usccCheckCharacter } from './uscc';

// Valid identifiers of no real person or company, built with the same check algorithms the validators use: for the
// demo's lived-in year and for tests.

/** A USCC of an enterprise (91) registered in `region` (default 滨海新区). */
export function exampleUscc(serial: number, region = '120116'): string {
  const org = String(10000000 + serial).slice(-8);
  const first17 = `91${region}${org}${organizationCodeCheckCharacter(org)}`;
  return first17 + usccCheckCharacter(first17);
}

/** A resident ID of someone born 1980-01-01 in 和平区. */
export function exampleResidentId(serial: number): string {
  const first17 = `12010119800101${String(100 + serial).slice(-3)}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A 2023 application number with its check digit, e.g. `ZL2023100000017.X` (kind digit 1 invention, 2 utility model, 3 design). */
export function examplePatentNumber(serial: number, kindDigit = 1): string {
  const digits = `2023${kindDigit}${String(serial).padStart(7, '0')}`;
  return `ZL${digits}.${patentCheckDigit(digits)}`;
}
