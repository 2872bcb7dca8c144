import { Injectable } from '@nestjs/common';

/** The current instant, behind an injectable so that rules depending on "now" can be tested at fixed times. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
