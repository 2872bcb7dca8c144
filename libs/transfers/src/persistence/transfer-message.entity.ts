import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StatusMessage } from '../domain/dossier';

/**
 * Status messages of the exchange. `out`: ours to the partner (sent by the `transfers.send_status` job, retried until
 * delivered); `in`: the partner's, stored once by its `messageId` (a repeated message answers with the stored state).
 */
@Entity({ name: 'transfer_messages' })
@Index('ux_transfer_messages_message', ['direction', 'messageId'], { unique: true })
@Index('ix_transfer_messages_transfer', ['transferId'])
export class TransferMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'transfer_id', type: 'uuid' })
  transferId!: string;

  @Column({ type: 'text' })
  direction!: 'out' | 'in';

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'jsonb' })
  payload!: StatusMessage;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
