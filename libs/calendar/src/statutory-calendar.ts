import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DayKind, WorkingDayCalendar } from '@app/kernel';
import { DataSource } from 'typeorm';

const RELOAD_MS = 5 * 60_000;

/**
 * The working-day calendar every date rule uses (cases, tickets, publications, transfers): the packaged statutory schedule plus the days an admin loaded
 * (`npm run cli -- calendar:load`). Reloaded every 5 minutes, so running processes pick up a new schedule.
 */
@Injectable()
export class StatutoryCalendar implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StatutoryCalendar.name);
  private calendar = new WorkingDayCalendar();
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get current(): WorkingDayCalendar {
    return this.calendar;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.reload().catch((err: Error) => this.logger.warn({ err: err.message }, 'calendar reload failed; keeping the previous one'));
    }, RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async reload(): Promise<void> {
    const rows = await this.dataSource.query<{ day: string; kind: DayKind }[]>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_days ORDER BY day",
    );
    this.calendar = new WorkingDayCalendar({ overrides: new Map(rows.map((r) => [r.day, r.kind])) });
  }
}
