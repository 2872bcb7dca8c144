import { Readable } from 'node:stream';
import { LocalFileStore } from '@app/kernel';

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

/** Local disk (EVIDENCE_DIR): the kernel's write-once, hashed file store. */
export class LocalDiskEvidenceStorage extends LocalFileStore implements EvidenceStorage {}
