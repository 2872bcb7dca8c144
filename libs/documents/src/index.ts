export * from './domain';
export * from './documents.module';
export * from './documents.service';
export * from './document-templates.service';
export { CaseDocumentResponse, DocumentTemplateResponse } from './http/dto/document-response';

import { CaseDocumentEntity } from './persistence/case-document.entity';
import { DocumentTemplateEntity } from './persistence/document-template.entity';
export const DOCUMENTS_ENTITIES = [CaseDocumentEntity, DocumentTemplateEntity];
