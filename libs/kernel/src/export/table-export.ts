import { stream as excelStream } from 'exceljs';
import type { Worksheet } from 'exceljs';
import { PassThrough, type Stream } from 'node:stream';
import { DomainError } from '../errors/domain-error';

/** One column of an export: its Chinese header, how to read the cell from a row, and (XLSX only) its width in characters. */
export interface ExportColumn<R> {
  header: string;
  value: (row: R) => string | number | null;
  width?: number;
}

export type ExportFormat = 'csv' | 'xlsx';

/** Excel's hard limit is 1,048,576 rows per sheet; one of them is the header row. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;
/** Excel refuses (offers to "repair") a workbook with a longer cell text. */
export const XLSX_MAX_CELL_TEXT = 32_767;

const BOM = '\uFEFF';
const CRLF = '\r\n';
// Flush CSV text in chunks of about this many UTF-16 units rather than per line: fewer writes, same backpressure.
const CSV_CHUNK_CHARS = 16 * 1024;
// Cells Excel, WPS and LibreOffice would evaluate as a formula (or as DDE) when the CSV is opened.
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const CSV_NEEDS_QUOTES = /[",\r\n]/;
// Hangul, CJK (radicals to Yi), compatibility ideographs and forms, full-width forms.
const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
// archiver buffers up to 1 MiB of compressed output by default; 64 KiB keeps each export's footprint small.
const ZIP_HIGH_WATER_MARK = 64 * 1024;

/**
 * Streams rows as CSV: UTF-8 with a BOM (without it Excel reads the file as GBK/ANSI and the Chinese turns to mojibake),
 * CRLF line ends and RFC 4180 quoting. Text cells starting with = + - @ tab or CR get a leading apostrophe: exports
 * carry text typed by outside parties (complainants, respondents), and a spreadsheet would otherwise run
 * `=HYPERLINK(...)` or `=cmd|'/c ...'!A1` when an officer opens the file (OWASP "CSV injection"). The cost is a
 * visible apostrophe on text such as "-5"; numbers passed as numbers are never prefixed.
 *
 * Waits for 'drain' whenever `out` is full, ends `out`, and resolves with the number of data rows once `out` has
 * finished. If reading rows or writing fails, `out` is destroyed (so a half-written file never looks complete) and the
 * promise rejects; the rows iterator is closed either way.
 */
export async function writeCsv<R>(rows: AsyncIterable<R>, columns: ExportColumn<R>[], out: NodeJS.WritableStream): Promise<number> {
  const guard = new OutputGuard(out);
  try {
    let chunk = BOM + columns.map((c) => csvField(c.header)).join(',') + CRLF;
    let count = 0;
    for await (const row of rows) {
      guard.throwIfFailed();
      chunk += columns.map((c) => csvField(c.value(row))).join(',') + CRLF;
      count++;
      if (chunk.length >= CSV_CHUNK_CHARS) {
        await guard.write(chunk);
        chunk = '';
      }
    }
    if (chunk) await guard.write(chunk);
    await guard.end();
    return count;
  } catch (err) {
    guard.abort();
    throw err;
  } finally {
    guard.release();
  }
}

/**
 * Streams rows as a one-sheet XLSX with exceljs' streaming writer: bold, frozen header row; each row is committed (and
 * so serialised and released) as soon as it is read. Strings stay strings in XLSX, so no formula guard is needed.
 *
 * exceljs itself ignores backpressure (exceljs/exceljs#734): it keeps writing into the zip entry whatever the reader's
 * pace. So after each row we look at that entry's buffer and, when it is full, wait until the zip (which is piped to
 * `out` and so does follow `out`'s pace) has drained it. Memory then stays flat however slow the client is.
 *
 * Null and non-finite numbers give empty cells; CRLF and CR become LF (Excel's line break); text longer than Excel's
 * cell limit is cut at {@link XLSX_MAX_CELL_TEXT}. More than {@link XLSX_MAX_DATA_ROWS} rows rejects with
 * EXPORT_TOO_LARGE (check the count first to answer before streaming). Ends `out` and resolves with the number of data
 * rows once `out` has finished; on failure `out` is destroyed and the promise rejects.
 */
export async function writeXlsx<R>(
  rows: AsyncIterable<R>,
  columns: ExportColumn<R>[],
  out: NodeJS.WritableStream,
  sheetName = '导出',
): Promise<number> {
  assertSheetName(sheetName);
  const guard = new OutputGuard(out);
  try {
    const zip: Partial<excelStream.xlsx.ArchiverZipOptions> & { highWaterMark: number } = { highWaterMark: ZIP_HIGH_WATER_MARK };
    const workbook = new excelStream.xlsx.WorkbookWriter({
      // exceljs pipes its zip into `out`, so the zip follows out's backpressure.
      stream: out as unknown as Stream,
      useSharedStrings: false,
      useStyles: true,
      zip,
    });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ width: c.width ?? defaultWidth(c.header) }));
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();

    const entry = zipEntryBuffer(sheet);
    let count = 0;
    for await (const row of rows) {
      guard.throwIfFailed();
      if (count === XLSX_MAX_DATA_ROWS) {
        throw DomainError.rule('EXPORT_TOO_LARGE', `an XLSX sheet holds at most ${XLSX_MAX_DATA_ROWS} rows`, { limit: XLSX_MAX_DATA_ROWS });
      }
      sheet.addRow(columns.map((c) => xlsxCell(c.value(row)))).commit();
      count++;
      if (entry && entry._writableState.length >= entry._writableState.highWaterMark) await guard.race(drained(entry));
    }
    sheet.commit();
    // commit() resolves on out's 'finish' but never settles if out is closed early: the guard turns that into a rejection.
    await guard.race(workbook.commit());
    return count;
  } catch (err) {
    guard.abort();
    throw err;
  } finally {
    guard.release();
  }
}

export function contentTypeFor(format: ExportFormat): string {
  switch (format) {
    case 'csv':
      return 'text/csv; charset=utf-8';
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
}

/**
 * `attachment; filename="<ascii>.<ext>"; filename*=UTF-8''<percent-encoded name>.<ext>` (RFC 6266 / RFC 8187). Browsers
 * use filename*; the plain filename is a fallback for old clients: the name itself when it is plain ASCII, else "export".
 */
export function contentDispositionFor(filenameBase: string, format: ExportFormat, asciiBase?: string): string {
  return attachmentDisposition(`${filenameBase.trim() || 'export'}.${format}`, asciiBase && `${asciiBase}.${format}`);
}

/** The same header for any file name (evidence downloads, exports): control characters and slashes replaced. */
export function attachmentDisposition(fileName: string, asciiName?: string): string {
  // eslint-disable-next-line no-control-regex
  const name = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'download';
  return `attachment; filename="${asciiFallback(name, asciiName)}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

/**
 * The plain-ASCII `filename=` for clients that ignore `filename*`: the name itself when it is ASCII, else the readable
 * name the caller gave (e.g. `cases-2026-12-02.xlsx`), else the name's own ASCII words (`合同-2026版.pdf` →
 * `2026.pdf`), else `download` with the extension.
 */
export function asciiFallback(name: string, asciiName?: string): string {
  const safe = (s: string) => /^[A-Za-z0-9 ._()-]+$/.test(s);
  if (safe(name)) return name;
  if (asciiName && safe(asciiName)) return asciiName;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  const words = (ext ? name.slice(0, dot) : name).match(/[A-Za-z0-9]+/g) ?? [];
  const base = words.join('-');
  return `${base.length >= 2 ? base : 'download'}${ext}`;
}

function csvField(value: string | number | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_TRIGGER.test(value) ? `'${value}` : value;
  return CSV_NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function xlsxCell(value: string | number | null): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // XML parsing turns a bare CR into LF anyway; an Excel line break (Alt+Enter) is LF.
  value = value.replace(/\r\n?/g, '\n');
  if (value.length <= XLSX_MAX_CELL_TEXT) return value;
  // Do not split a surrogate pair (rare CJK extension characters and emoji are two UTF-16 units).
  const end = /[\ud800-\udbff]/.test(value[XLSX_MAX_CELL_TEXT - 1]) ? XLSX_MAX_CELL_TEXT - 1 : XLSX_MAX_CELL_TEXT;
  return value.slice(0, end);
}

/** Width in Excel character units: CJK and other full-width characters take two. */
function defaultWidth(header: string): number {
  let units = 0;
  for (const ch of header) units += ch.length > 1 || FULL_WIDTH.test(ch) ? 2 : 1;
  return Math.max(10, units + 4);
}

function assertSheetName(name: string): void {
  // The streaming writer does not check these, and Excel refuses to open a workbook that breaks them.
  if (name.length === 0 || name.length > 31 || /[*?:\\/[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new Error(`invalid XLSX sheet name "${name}": 1-31 characters, none of * ? : \\ / [ ], not starting or ending with '`);
  }
}

/** RFC 8187 ext-value: percent-encode everything but attr-char (encodeURIComponent leaves ' ( ) * as they are). */
function encodeRfc8187(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The part of a readable-stream Writable we rely on: its buffered length and 'drain'. */
interface BufferedWritable {
  _writableState: { length: number; highWaterMark: number };
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * The stream exceljs writes this sheet's XML into: the sheet's StreamBuf pipes into the PassThrough that archiver
 * reads the zip entry from. Internals of exceljs 4.4.0 (pinned); undefined if they change, and then the backpressure
 * test of table-export.spec.ts fails.
 */
function zipEntryBuffer(sheet: Worksheet): BufferedWritable | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const entry: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const state = (entry as { _writableState?: { length?: unknown; highWaterMark?: unknown } } | undefined)?._writableState;
  return typeof state?.length === 'number' && typeof state.highWaterMark === 'number' ? (entry as BufferedWritable) : undefined;
}

function drained(stream: BufferedWritable): Promise<void> {
  return new Promise((resolve) => void stream.once('drain', resolve));
}

interface WritableState {
  destroyed?: boolean;
  writableEnded?: boolean;
  writableFinished?: boolean;
  destroy?: (error?: Error) => void;
}

/**
 * Watches `out` for the length of one export. A client that goes away closes (or errors) the stream without 'finish';
 * without the guard a writer waiting for 'drain' or 'finish' would hang forever. The persistent 'error' listener also
 * keeps an output error from crashing the process while we are between writes.
 */
class OutputGuard {
  private failure: Error | undefined;
  private finished = false;
  private readonly failed: Promise<never>;
  private fail!: (error: Error) => void;

  constructor(private readonly out: NodeJS.WritableStream) {
    this.failed = new Promise<never>((_, reject) => {
      this.fail = (error) => {
        if (this.failure || this.finished) return;
        this.failure = error;
        reject(error);
      };
    });
    // Marks the rejection handled; race() callers still see it.
    this.failed.catch(() => undefined);
    out.on('error', this.onError);
    out.on('close', this.onClose);
    out.on('finish', this.onFinish);
    const state = out as WritableState;
    if (state.destroyed || state.writableEnded) this.fail(new Error('the export output was already closed'));
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Settles like `promise`, or rejects as soon as the output fails. */
  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.failed]);
  }

  async write(chunk: string): Promise<void> {
    this.throwIfFailed();
    if (!this.out.write(chunk)) await this.race(new Promise<void>((resolve) => void this.out.once('drain', resolve)));
  }

  async end(): Promise<void> {
    this.throwIfFailed();
    const finished = new Promise<void>((resolve) => void this.out.once('finish', resolve));
    this.out.end();
    await this.race(finished);
  }

  abort(): void {
    const state = this.out as WritableState;
    if (!state.destroyed && !state.writableFinished) state.destroy?.();
  }

  release(): void {
    this.out.removeListener('error', this.onError);
    this.out.removeListener('close', this.onClose);
    this.out.removeListener('finish', this.onFinish);
  }

  private readonly onError = (error: Error): void => this.fail(error);
  private readonly onClose = (): void => this.fail(new Error('the export output closed before the export finished'));
  private readonly onFinish = (): void => {
    this.finished = true;
  };
}

/** The part of a Fastify reply a streamed export needs (kept structural: the kernel does not depend on Fastify). */
export interface ExportReply {
  header(name: string, value: string): ExportReply;
  send(payload: NodeJS.ReadableStream): unknown;
}

/**
 * Streams `rows` to the reply as a CSV or XLSX attachment named `filenameBase` (+ extension): the writer runs while
 * the reply drains, so nothing is built in memory. A failure mid-stream is reported to `onError` (for the log, with
 * the request id) and cuts the download short rather than ending it as if complete.
 */
export async function sendExport<R>(
  reply: ExportReply,
  opts: {
    format: ExportFormat;
    rows: AsyncIterable<R>;
    columns: ExportColumn<R>[];
    filenameBase: string;
    /** a readable ASCII name for clients that cannot take the UTF-8 one (without the extension) */
    asciiBase?: string;
    onError: (err: Error) => void;
  },
): Promise<void> {
  // The first row is read before any header goes out: a filter the list refuses (a one-character `q`, say) or a
  // database that is down is then an ordinary error response (400, 503), not a download cut short.
  const rows = await readAhead(opts.rows);
  const out = new PassThrough();
  const write = opts.format === 'csv' ? writeCsv<R> : writeXlsx<R>;
  write(rows, opts.columns, out).catch((err: Error) => {
    opts.onError(err);
    out.destroy(err);
  });
  await reply
    .header('content-type', contentTypeFor(opts.format))
    .header('content-disposition', contentDispositionFor(opts.filenameBase, opts.format, opts.asciiBase))
    .send(out);
}

/** Reads the first item now (so its errors are thrown here), then yields it and the rest. */
async function readAhead<R>(rows: AsyncIterable<R>): Promise<AsyncIterable<R>> {
  const it = rows[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done) return;
        yield first.value;
        for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
      } finally {
        await it.return?.();
      }
    },
  };
}
