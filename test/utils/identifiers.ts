// Valid test identifiers (no real people or companies): the kernel's example builders, under the tests' short names.
export { exampleUscc as uscc, exampleResidentId as residentId, examplePatentNumber as patentNumber } from '@app/kernel/identifiers';
