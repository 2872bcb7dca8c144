import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateCaseDto } from './create-case.dto';

/**
 * `PATCH /cases/:id`: what may be corrected after intake, validated exactly as intake. A list given replaces the
 * case's list (all requesters, all respondents, all patents); a field left out stays as it is.
 */
export class AmendCaseDto extends PartialType(
  PickType(CreateCaseDto, [
    'type',
    'source',
    'summary',
    'requesters',
    'respondents',
    'patents',
    'ftz',
    'fastTrack',
    'ecommerce',
    'reportReceived',
  ] as const),
) {
  @ApiProperty({ description: "the case's current version" })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
