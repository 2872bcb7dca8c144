import { Writable } from 'node:stream';
import { Workbook } from 'exceljs';
import { contentDispositionFor, contentTypeFor, ExportColumn, writeCsv, writeXlsx, asciiFallback } from './table-export';

interface CaseRow {
  no: string;
  title: string | null;
  fine: number | null;
}

const columns: ExportColumn<CaseRow>[] = [
  { header: '案件编号', value: (r) => r.no, width: 20 },
  { header: '案由', value: (r) => r.title },
  { header: '罚款（元）', value: (r) => r.fine },
];

const tricky: CaseRow[] = [
  { no: '粤知执〔2024〕1号', title: '他说："假冒专利"，已立案', fine: 12345.5 },
  { no: 'A,B', title: '第一行\r\n第二行\n第三行\r末行', fine: 0 },
  { no: '=HYPERLINK("http://evil.example","点我")', title: '+86 138', fine: -42 },
  { no: '-5', title: '@SUM(A1)', fine: null },
  { no: '\t=1+1', title: '\r=2', fine: 3 },
  { no: 'a=b', title: null, fine: Number.NaN },
  { no: '"', title: '', fine: 1e21 },
];

async function* from<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function* generate(count: number, onPull?: () => void): AsyncGenerator<CaseRow> {
  for (let i = 0; i < count; i++) {
    onPull?.();
    yield { no: `CN${String(i).padStart(9, '0')}`, title: `第${i}号案件：某公司假冒专利`, fine: i * 100 };
  }
}

class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  constructor(private readonly delay?: 'slow') {
    super({ highWaterMark: 64 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    if (this.delay) setImmediate(cb);
    else cb();
  }
  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.bytes += chunk.length;
    cb();
  }
}

/** A sink that holds every write until opened: a client that has stopped reading. */
class GatedSink extends Writable {
  received = 0;
  private readonly held: (() => void)[] = [];
  private isOpen = false;
  constructor() {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (error?: Error | null) => void): void {
    this.received += chunk.length;
    if (this.isOpen) cb();
    else this.held.push(() => cb());
  }
  open(): void {
    this.isOpen = true;
    this.held.splice(0).forEach((release) => release());
  }
}

/** RFC 4180 reader, strict enough to fail on bad quoting: CRLF between records, "" inside quoted fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

/** Waits until the generator has not been pulled for a while: the writer is parked on backpressure (or done). */
async function untilStalled(pulled: () => number): Promise<void> {
  let last = -1;
  while (pulled() !== last) {
    last = pulled();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readXlsx(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe('writeCsv', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting that round-trips, with formula-looking text defused', async () => {
    const out = new Collector();
    expect(await writeCsv(from(tricky), columns, out)).toBe(tricky.length);

    const bytes = out.buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['案件编号', '案由', '罚款（元）'],
      ['粤知执〔2024〕1号', '他说："假冒专利"，已立案', '12345.5'],
      ['A,B', '第一行\r\n第二行\n第三行\r末行', '0'],
      [`'=HYPERLINK("http://evil.example","点我")`, "'+86 138", '-42'],
      ["'-5", "'@SUM(A1)", ''],
      ["'\t=1+1", "'\r=2", '3'],
      ['a=b', '', ''],
      ['"', '', '1e+21'],
    ]);
  });

  it('writes only the header for no rows', async () => {
    const out = new Collector();
    expect(await writeCsv(from([]), columns, out)).toBe(0);
    expect(out.buffer.toString('utf8')).toBe('\uFEFF案件编号,案由,罚款（元）\r\n');
  });

  it('streams 50,000 rows to a discarding sink', async () => {
    const sink = new CountingSink();
    expect(await writeCsv(generate(50_000), columns, sink)).toBe(50_000);
    expect(sink.bytes).toBeGreaterThan(50_000 * 20);
  });

  it('delivers everything to a slow sink with a small highWaterMark', async () => {
    const fast = new Collector();
    const slow = new Collector('slow');
    expect(await writeCsv(generate(3_000), columns, fast)).toBe(3_000);
    expect(await writeCsv(generate(3_000), columns, slow)).toBe(3_000);
    expect(slow.chunks.length).toBeGreaterThan(1);
    expect(slow.buffer.equals(fast.buffer)).toBe(true);
  });

  it('stops reading rows while the sink is not accepting, then finishes', async () => {
    let pulled = 0;
    const sink = new GatedSink();
    const done = writeCsv(
      generate(50_000, () => pulled++),
      columns,
      sink,
    );
    await untilStalled(() => pulled);
    expect(pulled).toBeLessThan(5_000);
    sink.open();
    expect(await done).toBe(50_000);
    expect(pulled).toBe(50_000);
  });

  it('rejects and closes the rows iterator when the client goes away', async () => {
    let closed = false;
    async function* rows(): AsyncGenerator<CaseRow> {
      try {
        yield* generate(1_000_000);
      } finally {
        closed = true;
      }
    }
    const sink = new GatedSink();
    const done = writeCsv(rows(), columns, sink);
    await new Promise((resolve) => setTimeout(resolve, 20));
    sink.destroy();
    await expect(done).rejects.toThrow('closed before the export finished');
    expect(closed).toBe(true);
  });

  it('destroys the output when reading rows fails, so a truncated file never looks complete', async () => {
    async function* failing(): AsyncGenerator<CaseRow> {
      yield* generate(10);
      throw new Error('cursor lost');
    }
    const out = new Collector();
    await expect(writeCsv(failing(), columns, out)).rejects.toThrow('cursor lost');
    expect(out.destroyed).toBe(true);
    expect(out.writableFinished).toBe(false);
  });
});

describe('writeXlsx', () => {
  it('writes a sheet exceljs reads back: bold frozen header, widths, Chinese text, numbers and literal strings', async () => {
    const out = new Collector();
    expect(await writeXlsx(from(tricky), columns, out, '案件清单')).toBe(tricky.length);

    const workbook = await readXlsx(out.buffer);
    const sheet = workbook.getWorksheet('案件清单');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.rowCount).toBe(1 + tricky.length);
    expect(sheet.getRow(1).values).toEqual([undefined, '案件编号', '案由', '罚款（元）']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(10);
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(10 + 4); // 罚款（元）: five full-width characters

    const cells = (n: number): unknown[] => [1, 2, 3].map((c) => sheet.getRow(n).getCell(c).value);
    expect(cells(2)).toEqual(['粤知执〔2024〕1号', '他说："假冒专利"，已立案', 12345.5]);
    expect(cells(3)).toEqual(['A,B', '第一行\n第二行\n第三行\n末行', 0]);
    // XLSX keeps text as text, so formula-looking strings are stored verbatim and never evaluated.
    expect(cells(4)).toEqual(['=HYPERLINK("http://evil.example","点我")', '+86 138', -42]);
    expect(cells(5)).toEqual(['-5', '@SUM(A1)', null]);
    expect(cells(7)).toEqual(['a=b', null, null]);
    expect(sheet.getCell('A4').type).toBe(3 /* ValueType.String */);
  });

  it('streams 50,000 rows to a discarding sink', async () => {
    const sink = new CountingSink();
    expect(await writeXlsx(generate(50_000), columns, sink)).toBe(50_000);
    expect(sink.bytes).toBeGreaterThan(100_000);
  });

  it('delivers a complete workbook to a slow sink with a small highWaterMark', async () => {
    const slow = new Collector('slow');
    expect(await writeXlsx(generate(3_000), columns, slow)).toBe(3_000);
    expect(slow.chunks.length).toBeGreaterThan(1);
    const sheet = (await readXlsx(slow.buffer)).getWorksheet('导出');
    expect(sheet?.rowCount).toBe(3_001);
    expect(sheet?.getCell('B3001').value).toBe('第2999号案件：某公司假冒专利');
  });

  it('stops reading rows while the sink is not accepting (exceljs alone would not), then finishes', async () => {
    let pulled = 0;
    const sink = new GatedSink();
    const done = writeXlsx(
      generate(60_000, () => pulled++),
      columns,
      sink,
    );
    await untilStalled(() => pulled);
    expect(pulled).toBeLessThan(30_000);
    sink.open();
    expect(await done).toBe(60_000);
  });

  it('rejects and closes the rows iterator when the client goes away', async () => {
    let closed = false;
    async function* rows(): AsyncGenerator<CaseRow> {
      try {
        yield* generate(1_000_000);
      } finally {
        closed = true;
      }
    }
    const sink = new GatedSink();
    const done = writeXlsx(rows(), columns, sink);
    await new Promise((resolve) => setTimeout(resolve, 20));
    sink.destroy();
    await expect(done).rejects.toThrow('closed before the export finished');
    expect(closed).toBe(true);
  });

  it('refuses a sheet name Excel would not open, before writing anything', async () => {
    const out = new Collector();
    await expect(writeXlsx(from(tricky), columns, out, '2024/上半年')).rejects.toThrow('invalid XLSX sheet name');
    await expect(writeXlsx(from(tricky), columns, out, '很长'.repeat(16))).rejects.toThrow('invalid XLSX sheet name');
    expect(out.chunks).toHaveLength(0);
    expect(out.destroyed).toBe(false);
  });
});

describe('HTTP headers', () => {
  it('gives the content type of each format', () => {
    expect(contentTypeFor('csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeFor('xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('gives an ASCII fallback and an RFC 8187 UTF-8 filename', () => {
    expect(contentDispositionFor('案件清单', 'csv')).toBe(
      `attachment; filename="download.csv"; filename*=UTF-8''%E6%A1%88%E4%BB%B6%E6%B8%85%E5%8D%95.csv`,
    );
    expect(contentDispositionFor('案件清单', 'csv', 'cases-2026-12-02')).toMatch(/^attachment; filename="cases-2026-12-02\.csv";/);
    expect(asciiFallback('合同扫描件-2026版.pdf')).toBe('2026.pdf');
    expect(asciiFallback('Invoice 第3页 scan.jpg')).toBe('Invoice-3-scan.jpg');
    expect(contentDispositionFor('cases-2024', 'xlsx')).toBe(`attachment; filename="cases-2024.xlsx"; filename*=UTF-8''cases-2024.xlsx`);
  });

  it('percent-encodes what RFC 8187 does not allow bare and keeps separators and control characters out', () => {
    const header = contentDispositionFor("信用公示(第1批)'s *\r\n../x", 'xlsx');
    expect(header).toMatch(/^attachment; filename="1-s-x\.xlsx"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    const encoded = header.split("UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe("信用公示(第1批)'s *__.._x.xlsx");
  });
});
