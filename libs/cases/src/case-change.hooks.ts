import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAction } from './domain/case-types';
import { CaseEntity } from './persistence/case.entity';

/** One change to a case, as other capabilities see it: after the case row is written, inside the same transaction. */
export interface CaseChange {
  /** the case as it now stands (already saved in this transaction) */
  readonly case: Readonly<CaseEntity>;
  /** `receive` for intake, `amend` for a correction (payload.before holds what it replaced); otherwise the action taken, or `recuse` */
  readonly action: CaseAction | 'receive' | 'recuse' | 'amend';
  readonly fromStatus: CaseEntity['status'] | null;
  readonly toStatus: CaseEntity['status'];
  readonly at: Date;
  readonly actorId: string;
  /** what the action recorded (e.g. the decision number on approval) */
  readonly payload: Record<string, unknown>;
}

export type CaseChangeListener = (em: EntityManager, change: CaseChange) => Promise<void>;

/**
 * Lets other capabilities (credit publication, metrics counts) act on case changes in the same transaction, without
 * the case library depending on them: they register in `onModuleInit`; a listener that throws rolls the change back.
 */
@Injectable()
export class CaseChangeHooks {
  private readonly listeners: { name: string; listener: CaseChangeListener }[] = [];

  register(name: string, listener: CaseChangeListener): void {
    if (this.listeners.some((l) => l.name === name)) throw new Error(`case change listener ${name} registered twice`);
    this.listeners.push({ name, listener });
  }

  async emit(em: EntityManager, change: CaseChange): Promise<void> {
    for (const { listener } of this.listeners) await listener(em, change);
  }
}
