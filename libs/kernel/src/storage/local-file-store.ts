import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Files on local disk under one folder, written once and hashed on the way in: evidence, the exchange's files and
 * generated documents all keep their sha256 beside the row and compare it with {@link hash} before serving. Keys are
 * ours (month/uuid), so a stored key can never point outside the folder.
 */
export class LocalFileStore {
  constructor(private readonly dir: string) {}

  /** Streams `content` in (at most `maxBytes`), hashing it; nothing is left behind when it fails. */
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

  /** sha256 of what is stored now. */
  async hash(key: string): Promise<string> {
    const hash = createHash('sha256');
    await pipeline(createReadStream(this.pathOf(key)), hash);
    return hash.digest('hex');
  }

  /** Only for a file whose database row was never committed. */
  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  pathOf(key: string): string {
    if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid file key');
    return path.join(this.dir, key);
  }
}
