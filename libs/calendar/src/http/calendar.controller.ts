import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, ApiErrorResponses, DomainError, Roles } from '@app/kernel';
import { CalendarLoader } from '../calendar-loader.service';
import { CalendarView, CalendarYearView } from '../calendar-view.service';
import { CalendarLoadResultDto, CalendarYearDto, CalendarYearParam, LoadCalendarDto } from './calendar.dto';

/** /api/v1/calendar/:year: the statutory working-day calendar every deadline uses; admins load a year's official schedule. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly view: CalendarView,
    private readonly loader: CalendarLoader,
  ) {}

  /** Everyone who works to deadlines may read it (the console counts working days with it). */
  @Get(':year')
  @Roles('officer', 'supervisor', 'hotline_operator', 'admin')
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Param() p: CalendarYearParam): Promise<CalendarYearView> {
    return this.view.year(p.year);
  }

  /** Loads a year's official schedule (audited); open cases' deadlines are recomputed on it. */
  @Put(':year')
  @Roles('admin')
  @ApiOkResponse({ type: CalendarLoadResultDto })
  async load(
    @Actor() actor: ActorContext,
    @Param() p: CalendarYearParam,
    @Body() dto: LoadCalendarDto,
  ): Promise<{ days: number; recomputed: number; calendar: CalendarYearView }> {
    const prefix = `${p.year}-`;
    const problems = (['holidays', 'workdays'] as const).flatMap((field) =>
      dto[field].some((d) => !d.startsWith(prefix)) ? [{ field, message: `must be days of ${p.year}` }] : [],
    );
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((x) => `${x.field}: ${x.message}`).join('; '), problems);
    const result = await this.loader.load(actor, dto);
    return { ...result, calendar: await this.view.year(p.year) };
  }
}
