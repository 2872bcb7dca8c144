import { ApiProperty } from '@nestjs/swagger';
import { LIAISON_ACTIONS, LIAISON_CHANNELS, LIAISON_KINDS, LIAISON_OUTCOMES, LIAISON_STATUSES } from '../../domain/liaison-rules';
import type { LiaisonAction, LiaisonChannel, LiaisonKind, LiaisonOutcome, LiaisonStatus } from '../../domain/liaison-rules';
import { REFERRAL_ACTIONS, REFERRAL_OUTCOMES, REFERRAL_ROUTES, REFERRAL_STATUSES } from '../../domain/referral-rules';
import type { ReferralAction, ReferralOutcome, ReferralRoute, ReferralStatus } from '../../domain/referral-rules';
import { SIGNATURE_ALGORITHMS, TRANSFER_DIRECTIONS, TRANSFER_KINDS, TRANSFER_STATUSES, USER_ACTIONS } from '../../domain/transfer-types';
import type { SignatureAlgorithm, TransferDirection, TransferKind, TransferStatus, UserAction } from '../../domain/transfer-types';
import type { LiaisonResponse, ReferralResponse } from '../../liaisons-referrals.service';
import type { PartnerResponse, TransferFileResponse, TransferResponse } from '../transfer.mapper';

const LIAISON_KIND_VALUES = [...new Set(Object.values(LIAISON_KINDS).flat())];

export class TransferIntegrityProblemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ required: false })
  fileName?: string;

  @ApiProperty({ description: 'sha256 the dossier declared' })
  expected!: string;

  @ApiProperty({ description: 'sha256 of the bytes fetched' })
  actual!: string;
}

export class DossierPartyDto {
  @ApiProperty()
  role!: string;

  @ApiProperty()
  kind!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  uscc!: string | null;
}

/** inbound: what the partner sent about the case (parties masked) */
export class TransferDossierDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the case as the partner described it' })
  case!: unknown;

  @ApiProperty({ type: [DossierPartyDto] })
  parties!: DossierPartyDto[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  patents!: unknown;
}

export class TransferResponseDto implements TransferResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: TRANSFER_DIRECTIONS, enumName: 'TransferDirection' })
  direction!: TransferDirection;

  @ApiProperty({ enum: TRANSFER_STATUSES, enumName: 'TransferStatus' })
  status!: TransferStatus;

  @ApiProperty()
  partnerCode!: string;

  @ApiProperty({ enum: TRANSFER_KINDS, enumName: 'TransferKind' })
  kind!: TransferKind;

  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  caseId!: string | null;

  @ApiProperty({ format: 'uuid' })
  exchangeId!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: [String] })
  requestedItems!: string[];

  @ApiProperty({ type: String, nullable: true })
  originCaseNo!: string | null;

  @ApiProperty({ type: String, nullable: true })
  partnerCaseNo!: string | null;

  @ApiProperty({ type: String, nullable: true })
  returnReason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  declineReason!: string | null;

  @ApiProperty({ type: String, nullable: true })
  result!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  deliveredOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  replyDue!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  repliedOn!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, nullable: true })
  keyId!: string | null;

  @ApiProperty({ type: [TransferIntegrityProblemDto], nullable: true })
  integrityProblem!: TransferIntegrityProblemDto[] | null;

  @ApiProperty({ type: TransferDossierDto, nullable: true, description: 'inbound: what the partner sent about the case (parties masked)' })
  dossier!: TransferDossierDto | null;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: USER_ACTIONS, enumName: 'TransferAction', isArray: true })
  allowedActions!: UserAction[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class TransferFileResponseDto implements TransferFileResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['evidence', 'answer'], enumName: 'TransferFileRole' })
  role!: 'evidence' | 'answer';

  @ApiProperty({ enum: ['local', 'remote'], enumName: 'TransferFileSource' })
  source!: 'local' | 'remote';

  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  contentType!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ description: 'the bytes are here (local, or fetched from the partner)' })
  fetched!: boolean;

  @ApiProperty({ type: Boolean, nullable: true, description: 'fetched bytes match the sha256; null until fetched' })
  verified!: boolean | null;
}

export class PartnerKeyResponseDto {
  @ApiProperty()
  keyId!: string;

  @ApiProperty({ enum: SIGNATURE_ALGORITHMS, enumName: 'SignatureAlgorithm' })
  algorithm!: SignatureAlgorithm;

  @ApiProperty()
  publicKey!: string;
}

export class PartnerResponseDto implements PartnerResponse {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  endpoint!: string | null;

  @ApiProperty({ type: [PartnerKeyResponseDto] })
  keys!: PartnerKeyResponseDto[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  replyDueWorkingDays!: number;

  @ApiProperty()
  version!: number;
}

export class LiaisonResponseDto implements LiaisonResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty({ enum: LIAISON_CHANNELS, enumName: 'LiaisonChannel' })
  channel!: LiaisonChannel;

  @ApiProperty({ enum: LIAISON_KIND_VALUES, enumName: 'LiaisonKind' })
  kind!: LiaisonKind;

  @ApiProperty({ enum: LIAISON_STATUSES, enumName: 'LiaisonStatus' })
  status!: LiaisonStatus;

  @ApiProperty({ type: String, nullable: true })
  platform!: string | null;

  @ApiProperty({ type: String, nullable: true })
  storeName!: string | null;

  @ApiProperty({ type: [String] })
  listingUrls!: string[];

  @ApiProperty({ type: String, nullable: true })
  port!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  actionOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ format: 'date' })
  sentOn!: string;

  @ApiProperty({ format: 'date' })
  replyDue!: string;

  @ApiProperty({ type: String, nullable: true })
  reply!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  repliedOn!: string | null;

  @ApiProperty({ enum: LIAISON_OUTCOMES, enumName: 'LiaisonOutcome', nullable: true })
  outcome!: LiaisonOutcome | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: LIAISON_ACTIONS, enumName: 'LiaisonAction', isArray: true })
  allowedActions!: LiaisonAction[];
}

export class ReferralResponseDto implements ReferralResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  orgUnitCode!: string;

  @ApiProperty({ enum: REFERRAL_ROUTES, enumName: 'ReferralRoute' })
  route!: ReferralRoute;

  @ApiProperty({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' })
  status!: ReferralStatus;

  @ApiProperty()
  ftz!: boolean;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date' })
  referredOn!: string;

  @ApiProperty({ type: String, nullable: true })
  receivingBody!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reference!: string | null;

  @ApiProperty({ enum: REFERRAL_OUTCOMES, enumName: 'ReferralOutcome', nullable: true })
  outcome!: ReferralOutcome | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  outcomeOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  outcomeSummary!: string | null;

  @ApiProperty()
  version!: number;

  @ApiProperty({ enum: REFERRAL_ACTIONS, enumName: 'ReferralAction', isArray: true })
  allowedActions!: ReferralAction[];
}

export class ReferralSummaryRowDto {
  @ApiProperty()
  route!: string;

  @ApiProperty()
  ftz!: boolean;

  @ApiProperty({ type: String, nullable: true })
  outcome!: string | null;

  @ApiProperty()
  n!: number;
}

/** `GET /referrals/summary`: referrals by route, FTZ and outcome in the period. */
export class ReferralSummaryResponseDto {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ type: [ReferralSummaryRowDto] })
  rows!: ReferralSummaryRowDto[];
}

/** What the exchange answers a partner: the transfer the message landed on (201 new, 200 seen before). */
export class ExchangeAnswerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  exchangeId!: string;

  @ApiProperty()
  status!: string;
}
