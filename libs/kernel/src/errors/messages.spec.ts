import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { localizeErrorBody, MESSAGE_RULES, messageLanguage, messageRule } from './messages';

const LIBS = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

/** The messages the code writes for a field: `message: '…'` and `DomainError.validation(field, '…')`, templates with a stand-in value. */
function writtenMessages(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const literal = /(?:\bmessage: |DomainError\.validation\([^,()]+, )('(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)/g;
  // the identifier validators' reasons become field messages too
  const reason = /\breason: ('(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)/g;
  for (const file of sourceFiles(LIBS)) {
    if (file.includes(`${path.sep}config${path.sep}`) || file.includes(`${path.sep}messages.ts`)) continue;
    const text = readFileSync(file, 'utf8');
    // the edge validators return their reasons, which become field messages
    const returned = /\breturn ('(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`);/g;
    const found = [
      ...text.matchAll(literal),
      ...(file.includes(`${path.sep}identifiers${path.sep}`) ? text.matchAll(reason) : []),
      ...(file.endsWith('input-validators.ts') ? text.matchAll(returned) : []),
    ];
    for (const m of found) {
      const message = m[1]
        .slice(1, -1)
        .replace(/\$\{[^}]*\}/g, '1')
        .replace(/\\(.)/g, '$1');
      out.push({ file: path.relative(LIBS, file), text: message });
    }
  }
  return out;
}

describe('error messages: keyed, Chinese by default, English on request', () => {
  it('has a unique key and a Chinese text for every rule', () => {
    const keys = MESSAGE_RULES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of MESSAGE_RULES) expect(rule.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('knows every message the code writes for a field (a new message needs its rule)', () => {
    const written = writtenMessages();
    expect(written.length).toBeGreaterThan(100);
    const unknown = written.filter((w) => !messageRule(w.text)).map((w) => `${w.file}: ${w.text}`);
    expect(unknown).toEqual([]);
  });

  it('fills in the values a message names', () => {
    expect(messageRule('must be shorter than or equal to 40 characters')).toEqual({ key: 'max_length', zh: '长度不能超过 40 个字符' });
    expect(messageRule('is not used by resume')).toEqual({ key: 'not_used_by_action', zh: 'resume 操作不使用此字段' });
    expect(messageRule('is required for decline')?.zh).toBe('为 decline 操作的必填项');
  });

  it('answers Chinese unless the caller asks for English, and keys every detail either way', () => {
    const body = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'orgUnitCode: is required',
      details: [{ field: 'orgUnitCode', message: 'is required' }],
      requestId: 'r1',
    };
    expect(messageLanguage(undefined)).toBe('zh');
    expect(messageLanguage('zh-CN,zh;q=0.9')).toBe('zh');
    expect(messageLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localizeErrorBody(body, 'zh')).toMatchObject({
      message: 'orgUnitCode：为必填项',
      details: [{ field: 'orgUnitCode', message: '为必填项', constraint: 'required' }],
    });
    expect(localizeErrorBody(body, 'en')).toMatchObject({ message: 'orgUnitCode: is required', details: [{ constraint: 'required' }] });
    expect(localizeErrorBody({ ...body, code: 'VERSION_CONFLICT', message: 'x', details: undefined }, 'zh').message).toBe(
      '记录已被他人修改，请刷新后重试',
    );
  });
});
