import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEvidenceEntity } from './case-evidence.entity';

/** The statements of evidence. Callers have checked the case's scope (CasesRepository) before they come here. */
@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(em: EntityManager, row: Partial<CaseEvidenceEntity>): Promise<CaseEvidenceEntity> {
    return em.save(em.create(CaseEvidenceEntity, row));
  }

  listForCase(caseId: string): Promise<CaseEvidenceEntity[]> {
    return this.dataSource.getRepository(CaseEvidenceEntity).find({ where: { caseId }, order: { uploadedAt: 'ASC' } });
  }

  findOnCase(caseId: string, id: string): Promise<CaseEvidenceEntity | null> {
    return this.dataSource.getRepository(CaseEvidenceEntity).findOneBy({ id, caseId });
  }

  lockOnCase(em: EntityManager, caseId: string, id: string): Promise<CaseEvidenceEntity | null> {
    return em.findOne(CaseEvidenceEntity, { where: { id, caseId }, lock: { mode: 'pessimistic_write' } });
  }

  save(em: EntityManager, row: CaseEvidenceEntity): Promise<CaseEvidenceEntity> {
    return em.save(row);
  }
}
