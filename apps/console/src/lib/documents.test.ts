import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { CaseDocument } from '../api/types';
import { groupDocuments } from '../features/case-tabs/tabs/documents';
import { templateProblem } from '../pages/DocumentTemplatesPage';
import { dispositionFileName } from './download';
import { errorMessage } from './errors';

const doc = (kind: CaseDocument['kind'], version: number): CaseDocument => ({
  id: `${kind}-${version}`,
  caseId: 'c1',
  kind,
  name: kind,
  version,
  supersedesId: version > 1 ? `${kind}-${version - 1}` : null,
  documentNo: null,
  templateVersion: 0,
  caseVersion: 3,
  docx: { sha256: 'a'.repeat(64), size: 1 },
  pdf: { sha256: 'b'.repeat(64), size: 1 },
  generatedBy: { id: 'u1', name: '执法员' },
  generatedAt: '2026-12-02T03:45:14.000Z',
  generatedAtShanghai: '2026-12-02 11:45:14',
});

describe('documents (文书)', () => {
  it('groups the versions by kind in the procedure order, the latest on top and the older ones under it', () => {
    const rows = groupDocuments([
      doc('penalty_decision', 1),
      doc('acceptance_notice', 1),
      doc('penalty_decision', 2),
      doc('penalty_decision', 3),
    ]);
    expect(rows.map((r) => `${r.kind}:${r.version}`)).toEqual(['acceptance_notice:1', 'penalty_decision:3']);
    expect(rows[0]!.children).toBeUndefined();
    expect(rows[1]!.children!.map((r) => [r.version, r.latest])).toEqual([
      [2, false],
      [1, false],
    ]);
  });

  it("says why a kind can't be generated in the server's Chinese words", () => {
    const e = new ApiError(422, {
      statusCode: 422,
      code: 'DOCUMENT_NOT_APPLICABLE',
      message: 'closing_report (结案报告) cannot be generated now: the case is not closed (案件尚未结案)',
      details: { kind: 'closing_report', reason: 'the case is not closed', reasonZh: '案件尚未结案' },
    });
    expect(errorMessage(e)).toBe('当前不能生成该文书：案件尚未结案');
    const noDetails = new ApiError(422, { ...e.body, details: undefined });
    expect(errorMessage(noDetails)).toBe('当前不能生成该文书：案件尚未结案');
    expect(errorMessage(new ApiError(500, { statusCode: 500, code: 'DOCUMENT_INTEGRITY', message: 'x', requestId: 'r1' }))).toBe(
      '文书文件校验失败（sha256 不符），已告警，请联系管理员（请求号 r1）',
    );
  });

  it('takes the Chinese file name of a download before the ASCII one', () => {
    expect(
      dispositionFileName(
        `attachment; filename="penalty_decision-v1.pdf"; filename*=UTF-8''${encodeURIComponent('行政处罚决定书-津滨知执决〔2026〕0001号-v1.pdf')}`,
      ),
    ).toBe('行政处罚决定书-津滨知执决〔2026〕0001号-v1.pdf');
    expect(dispositionFileName('attachment; filename="acceptance_notice-v0.docx"')).toBe('acceptance_notice-v0.docx');
    expect(dispositionFileName(null)).toBeNull();
  });

  it('names the unknown tags of a refused template', () => {
    const e = new ApiError(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'validation failed',
      details: [{ field: 'file', message: 'uses tags acceptance_notice does not know: caseNumber, fine' }],
    });
    expect(templateProblem(e)).toBe('模板使用了该文书不认识的标签：caseNumber, fine');
  });
});
