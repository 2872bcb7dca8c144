import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PatentKind } from '@app/kernel';
import { CaseEntity } from './case.entity';

@Entity({ name: 'case_patents' })
@Index('ix_case_patents_case', ['caseId', 'ordinal'])
@Index('ix_case_patents_normalized', ['normalized'])
@Index('ix_case_patents_normalized_trgm', { synchronize: false })
export class CasePatentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column({ type: 'int' })
  ordinal!: number;

  /** as entered (e.g. `ZL201510958772.0`) */
  @Column({ type: 'text' })
  number!: string;

  /** digits + '.' + check digit: what searches match */
  @Column({ type: 'text' })
  normalized!: string;

  @Column({ type: 'text' })
  kind!: PatentKind;

  @Column({ type: 'text', nullable: true })
  title!: string | null;
}
