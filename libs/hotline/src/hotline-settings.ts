import { hkdfSync } from 'node:crypto';
import { AppConfig, blindIndex, digitsOnly, parseKeyRing } from '@app/kernel';
import { EarlyWarningConfig, HotlineSlaConfig, parseEarlyWarning, parseHotlineSla } from './domain';

/** The 12330 centre's org unit: ticket numbers are a gapless sequence under it (kind `ticket`). */
export const HOTLINE_CENTRE_CODE = '120000-12330';

/**
 * The hotline's configuration, parsed once at start (a bad value stops the process with a message naming it), and the
 * caller-phone blind index. Its key is HOTLINE_BLIND_INDEX_KEY; unset, it is derived (HKDF-SHA256, a label of its own)
 * from the active field-encryption key, so the index never equals anything the cipher uses — but then rotating the
 * field keys changes the index: set HOTLINE_BLIND_INDEX_KEY before the first rotation (README).
 */
export class HotlineSettings {
  readonly sla: HotlineSlaConfig;
  readonly earlyWarning: EarlyWarningConfig;
  readonly sweepIntervalMs: number;
  readonly warningIntervalMs: number;
  private readonly blindKey: Buffer;

  constructor(config: Pick<AppConfig, 'hotline' | 'fieldEncryptionKeys'>) {
    this.sla = parseHotlineSla(config.hotline.slaWorkingDays);
    this.earlyWarning = parseEarlyWarning(config.hotline.earlyWarning);
    this.sweepIntervalMs = config.hotline.sweepIntervalMs;
    this.warningIntervalMs = config.hotline.warningIntervalMs;
    if (config.hotline.blindIndexKey) {
      this.blindKey = Buffer.from(config.hotline.blindIndexKey, config.hotline.blindIndexKey.match(/[-_]/) ? 'base64url' : 'base64');
      if (this.blindKey.length < 32) throw new Error('HOTLINE_BLIND_INDEX_KEY must decode to at least 32 bytes');
    } else {
      const ring = parseKeyRing(config.fieldEncryptionKeys, 'FIELD_ENCRYPTION_KEYS');
      const active = ring.keys.get(ring.activeKeyId) as Buffer;
      this.blindKey = Buffer.from(hkdfSync('sha256', active, Buffer.alloc(0), 'ped.hotline.caller_phone.blind_index.v1', 32));
    }
  }

  /** The blind index of an already normalised phone (digits only). */
  phoneIndex(normalizedPhone: string): string {
    return blindIndex(normalizedPhone, this.blindKey, digitsOnly);
  }
}
