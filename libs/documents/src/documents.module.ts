import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { CasesCoreModule } from '@app/cases';
import { NotificationsCoreModule } from '@app/notifications';
import { DocumentTemplatesService } from './document-templates.service';
import { DocumentsService } from './documents.service';
import { DocumentTemplatesController } from './http/document-templates.controller';
import { DocumentsController } from './http/documents.controller';
import { DocumentsRepository } from './persistence/documents.repository';

/** The documents (文书) services without HTTP. */
@Module({
  imports: [AuditModule, CasesCoreModule, NotificationsCoreModule],
  providers: [DocumentsRepository, DocumentTemplatesService, DocumentsService],
  exports: [DocumentsService, DocumentTemplatesService],
})
export class DocumentsCoreModule {}

@Module({ imports: [DocumentsCoreModule], controllers: [DocumentsController, DocumentTemplatesController] })
export class DocumentsModule {}
