/** Query strings carry text: "true"/"false" become booleans; anything else is left for the validator to reject. */
export function queryBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
