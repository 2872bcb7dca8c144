export * from './transfer-types';
export * from './transfer-lifecycle';
export * from './reply-due';
export * from './dossier';
export * from './liaison-rules';
export * from './referral-rules';
