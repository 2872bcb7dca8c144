import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where evidence files live. Local disk by default; an S3-compatible store implements the same three calls
 * (put with a streamed sha256, a read stream, the size) — see the README ("Evidence storage").
 */
export interface EvidenceStorage {
  /** Streams `content` into storage, hashing it on the way; nothing is left behind when it fails. */
  put(content: Readable): Promise<{ key: string; size: number; sha256: string }>;
  open(key: string): Readable;
  /** sha256 of what is stored now: compared with the upload's before anything is served. */
  hash(key: string): Promise<string>;
  /** Only for a file whose database row was never committed. */
  remove(key: string): Promise<void>;
}

export class LocalDiskEvidenceStorage implements EvidenceStorage {
  constructor(private readonly dir: string) {}

  async put(content: Readable): Promise<{ key: string; size: number; sha256: string }> {
    const key = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const target = this.pathOf(key);
    const partial = `${target}.partial`;
    await mkdir(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
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

  /** Keys are ours (month/uuid); refuse anything else so a stored key can never point outside the folder. */
  pathOf(key: string): string {
    if (!/^\d{4}-\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid evidence key');
    return path.join(this.dir, key);
  }
}
