/** The entity types of docs/api.md ("Audit"); new capabilities add theirs here. */
export const AUDIT_ENTITY_TYPES = [
  'case',
  'ticket',
  'publication',
  'transfer',
  'evidence',
  'user',
  'org_unit',
  'partner',
  'target',
  'calendar',
  'hotline_alert',
  'liaison',
  'referral',
  'document',
  'document_template',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
