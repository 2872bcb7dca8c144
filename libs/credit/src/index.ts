export * from './domain';
export * from './credit.module';
export * from './credit-publications.service';
export * from './credit-delivery.service';
export * from './credit-sweep';
export * from './credit-counts';
export * from './standin/credit-standin';
export type { PublicationResponse } from './http/dto/publication.dto';
export { CreditPublicationEntity } from './persistence/credit-publication.entity';

import { CreditPublicationEntity } from './persistence/credit-publication.entity';
export const CREDIT_ENTITIES = [CreditPublicationEntity];
