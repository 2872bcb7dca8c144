import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Files the exchange holds itself: copies of a partner's files fetched for an inbound transfer (until acceptance
 * hands them to the new case's evidence) and the files answering assistance requests. Local disk under
 * EVIDENCE_DIR/exchange; the keys are ours (month/uuid), so a stored key never points outside the folder.
 */
export class TransferFileStore {
  constructor(private readonly dir: string) {}

  async put(content: Readable, maxBytes = Number.MAX_SAFE_INTEGER): Promise<{ key: string; size: number; sha256: string }> {
    const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const target = this.pathOf(key);
    const partial = `${target}.partial`;
    await mkdir(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new Error(`file larger than ${maxBytes} bytes`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, tap, createWriteStream(partial, { flags: 'wx', mode: 0o640 }));
      await rename(partial, target);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async hash(key: string): Promise<string> {
    const hash = createHash('sha256');
    await pipeline(createReadStream(this.pathOf(key)), hash);
    return hash.digest('hex');
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  pathOf(key: string): string {
    if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid exchange file key');
    return path.join(this.dir, key);
  }
}
