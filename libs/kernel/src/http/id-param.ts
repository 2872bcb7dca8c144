import { IsUUID } from 'class-validator';

export class IdParam {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}
