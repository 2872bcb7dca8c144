/**
 * The outcome of checking an identifier typed by a person: the normalized value, or a short reason in plain English
 * that can be shown next to the field. Reasons never repeat the input, so they are safe to log.
 */
export type IdentifierResult = { ok: true; value: string } | { ok: false; reason: string };
