import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/kernel';
import * as argon2 from 'argon2';

/**
 * argon2id with OWASP's minimum profile by default (19 MiB, t=2, p=1): about 25 ms a hash on this machine's
 * cores, which keeps login p99 low on 2 cores while making offline guessing expensive. Tunable by env.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.argon2.memoryCost,
      timeCost: this.config.argon2.timeCost,
      parallelism: 1,
    });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so that unknown usernames cannot be told from wrong passwords. */
  async verifyNobody(password: string): Promise<false> {
    this.dummyHash ??= this.hash('not-a-real-password-0000');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
