import { ApiProperty } from '@nestjs/swagger';
import { PRESERVATION_DECISIONS, type PreservationDecision } from '../../domain/case-deadlines';

/** 登记保存: the preservation of a piece of evidence and its decision. */
export class EvidencePreservationResponse {
  @ApiProperty({ format: 'date' })
  preservedOn!: string;

  @ApiProperty({ format: 'date' })
  decisionDue!: string;

  @ApiProperty({ enum: PRESERVATION_DECISIONS, enumName: 'PreservationDecision', nullable: true })
  decision!: PreservationDecision | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  decidedOn!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy!: string | null;

  @ApiProperty()
  overdue!: boolean;
}

export class EvidenceResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  contentType!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty()
  sha256!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ format: 'uuid' })
  uploadedBy!: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;

  @ApiProperty()
  version!: number;

  /** 登记保存: present when the evidence was registered for preservation */
  @ApiProperty({
    type: EvidencePreservationResponse,
    nullable: true,
    description: '登记保存: present when the evidence was registered for preservation',
  })
  preservation!: EvidencePreservationResponse | null;
}
