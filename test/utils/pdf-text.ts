import { execFile } from 'node:child_process';

/**
 * The text of a PDF as unpdf (pdf.js) extracts it, whitespace removed. unpdf loads pdf.js as an ES module, which
 * jest's CommonJS runtime cannot import, so a child node process does the extraction.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    import { extractText, getDocumentProxy } from 'unpdf';
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
    process.stdout.write(text);`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: __dirname, maxBuffer: 16 << 20 }, (err, out) =>
      err ? reject(new Error(`unpdf: ${err.message}`)) : resolve(out.replace(/\s+/g, '')),
    );
    child.stdin!.end(pdf);
  });
}
