import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useUserName } from '../../../api/hooks';
import type { Case } from '../../../api/types';
import { ActionModal } from '../../../components/ActionModal';
import { QueryState } from '../../../components/QueryState';
import { fmtDate, fmtDateTime, fmtYuan, shanghaiToday, yuanToFen } from '../../../lib/format';
import { label, SERVE_METHOD_LABELS } from '../../../lib/labels';
import { workingDaysUntil } from '../../../lib/working-days';
import { defineCaseTab } from '../define';

type Rec = Record<string, unknown> | null | undefined;
const str = (r: Rec, k: string): string | null => (r && typeof r[k] === 'string' ? (r[k] as string) : null);
const num = (r: Rec, k: string): number | null => (r && typeof r[k] === 'number' ? (r[k] as number) : null);

export const SERVICE_DOCUMENT_LABELS: Record<string, string> = {
  penalty_notice: '行政处罚事先告知书',
  hearing_notice: '听证通知书',
  decision: '决定书',
  dispute_request: '请求书副本（答辩通知）',
  acceptance_notice: '受理通知书',
  refusal_notice: '不予受理通知书',
  other: '其他文书',
};
const ENFORCEMENT_LABELS: Record<string, string> = { paid: '已缴纳', court_enforced: '申请法院强制执行', exempted: '依法减免' };

/** A deadline with its countdown in working days (overdue in red). */
function Due({ on, done }: { on: string | null; done?: boolean }) {
  const { t } = useTranslation();
  if (!on) return <>—</>;
  if (done) return <>{fmtDate(on)}</>;
  const { days } = workingDaysUntil(shanghaiToday(), on);
  return (
    <Space>
      {fmtDate(on)}
      {days < 0 ? (
        <Tag color="red">{t('已超期 {{n}} 个工作日', { n: -days })}</Tag>
      ) : (
        <Tag color={days <= 2 ? 'orange' : 'blue'}>{days === 0 ? t('今日到期') : t('剩 {{n}} 个工作日', { n: days })}</Tag>
      )}
    </Space>
  );
}

function ServiceRecordFields() {
  const { t } = useTranslation();
  const method = Form.useWatch('method') as string | undefined;
  return (
    <>
      <Form.Item label={t('送达的文书')} name="document" rules={[{ required: true, message: t('请选择文书') }]}>
        <Select options={Object.entries(SERVICE_DOCUMENT_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
      </Form.Item>
      <Form.Item label={t('送达方式')} name="method" rules={[{ required: true, message: t('请选择送达方式') }]}>
        <Select options={Object.entries(SERVE_METHOD_LABELS).map(([value, l]) => ({ value, label: t(l) }))} />
      </Form.Item>
      <Form.Item label={t('送达日期')} name="servedOn" initialValue={dayjs()} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      {method === 'mail' && (
        <Form.Item label={t('邮件号')} name="trackingNo" rules={[{ required: true, whitespace: true, message: t('邮寄送达须填写邮件号') }]}>
          <Input maxLength={60} />
        </Form.Item>
      )}
      {method === 'electronic' && (
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('电子送达须经受送达人同意')))) }]}
        >
          <Checkbox>{t('受送达人已同意电子送达（行政处罚法第六十一条）')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item label={t('送达回证 / 签收情况')} name="receiptNote">
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('例如：当事人法定代表人签收')} />
      </Form.Item>
    </>
  );
}

function PaymentFields({ owed }: { owed: number | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('缴款日期')} name="paidOn" initialValue={dayjs()} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        label={t('金额（元）')}
        name="amount"
        initialValue={owed ? (owed / 100).toFixed(2) : undefined}
        extra={owed ? t('今日应缴 {{a}}（含加处罚款）', { a: fmtYuan(owed) }) : undefined}
        rules={[
          { required: true, message: t('请填写金额') },
          {
            validator: (_, v) => (yuanToFen(v as string) ? Promise.resolve() : Promise.reject(new Error(t('金额须为正数，最多两位小数')))),
          },
        ]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item label={t('缴款书 / 票据号')} name="receiptNo" rules={[{ required: true, whitespace: true, message: t('请填写票据号') }]}>
        <Input maxLength={60} />
      </Form.Item>
    </>
  );
}

/**
 * 处罚程序: the steps 行政处罚法 requires before and after a penalty (事先告知, 陈述申辩, 听证, 法制审核, 送达, 缴纳) or, in a
 * dispute, the respondent's service and answer; the steps themselves are the case's actions (buttons above). Service
 * records (`/cases/:id/service-records`) and payments (`/cases/:id/payments`) are recorded here.
 */
function ProcedureTab({ caseData, refresh }: { caseData: Case; refresh: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const userName = useUserName();
  const [dialog, setDialog] = useState<'service' | 'payment' | null>(null);
  const p = caseData.procedure;
  const records = useQuery({
    queryKey: ['service-records', caseData.id],
    queryFn: () => api.get('/api/v1/cases/{id}/service-records', { path: { id: caseData.id } }),
  });
  const penalty = caseData.type === 'passing_off';
  const dispute = caseData.type === 'infringement_dispute';
  const payment = p.payment;
  const ended = ['closed', 'not_filed', 'transferred_out'].includes(caseData.status);
  const after = () => {
    void queryClient.invalidateQueries({ queryKey: ['service-records', caseData.id] });
    refresh();
  };

  const notice = p.notice;
  const hearing = p.hearing;
  const review = p.legalReview;
  const statement = p.statement;
  return (
    <>
      {penalty && (
        <Card size="small" title={t('行政处罚程序')} style={{ marginBottom: 12 }} data-testid="penalty-procedure">
          {!notice && !caseData.decision && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t(
                '作出处罚决定前，须先告知拟处罚的内容及事实、理由、依据和当事人的权利（行政处罚法第四十四条），请用上方“事先告知”登记。',
              )}
            />
          )}
          <Descriptions column={2} size="small" bordered labelStyle={{ whiteSpace: 'nowrap' }}>
            <Descriptions.Item label={t('事先告知')}>
              {notice ? `${fmtDate(str(notice, 'servedOn'))}，${t(label(SERVE_METHOD_LABELS, str(notice, 'method') ?? ''))}` : t('未告知')}
            </Descriptions.Item>
            <Descriptions.Item label={t('拟处罚')}>
              {notice
                ? `${str(notice, 'summary') ?? ''}${num(notice, 'fineFen') ? `（${t('罚款')} ${fmtYuan(num(notice, 'fineFen'))}）` : ''}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('听证权利')}>
              {notice ? (notice.hearingRight ? t('有（可要求听证）') : t('无')) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('陈述申辩、要求听证期限')}>
              {notice ? <Due on={str(notice, 'periodEndsOn')} done={!!statement || !!hearing} /> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('陈述申辩')}>
              {statement
                ? statement.waived
                  ? t('{{d}} 当事人放弃陈述申辩', { d: fmtDate(str(statement, 'receivedOn')) })
                  : `${fmtDate(str(statement, 'receivedOn'))}：${str(statement, 'summary') ?? ''}`
                : t('未收到')}
            </Descriptions.Item>
            <Descriptions.Item label={t('听证')}>
              {hearing ? (
                <Space direction="vertical" size={0}>
                  <span>{t('{{d}} 申请', { d: fmtDate(str(hearing, 'requestedOn')) })}</span>
                  {str(hearing, 'scheduledOn') && (
                    <span>
                      {t('定于 {{d}} 举行（{{n}} 通知）', {
                        d: fmtDate(str(hearing, 'scheduledOn')),
                        n: fmtDate(str(hearing, 'notifiedOn')),
                      })}
                    </span>
                  )}
                  {str(hearing, 'heldOn') && (
                    <span>{t('{{d}} 已举行：{{s}}', { d: fmtDate(str(hearing, 'heldOn')), s: str(hearing, 'recordSummary') ?? '' })}</span>
                  )}
                </Space>
              ) : (
                t('未申请')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('法制审核')}>
              {review ? (
                <Space direction="vertical" size={0}>
                  <span>
                    {fmtDate(str(review, 'reviewedOn'))} {userName(str(review, 'reviewerId'))}{' '}
                    {review.conclusion === 'approve' ? <Tag color="green">{t('同意')}</Tag> : <Tag color="orange">{t('建议修改')}</Tag>}
                  </span>
                  <span>{str(review, 'opinion')}</span>
                </Space>
              ) : p.legalReviewRequired ? (
                <Tag color="orange">{t('重大执法决定，须法制审核后审批')}</Tag>
              ) : (
                t('不需要')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('决定送达期限')}>
              <Due on={p.serviceDueOn} done={caseData.status === 'served' || caseData.status === 'closed'} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      {penalty && payment && (
        <Card
          size="small"
          title={t('罚款缴纳')}
          style={{ marginBottom: 12 }}
          data-testid="penalty-payment"
          extra={
            !ended && (
              <Button size="small" type="primary" onClick={() => setDialog('payment')} data-testid="record-payment">
                {t('登记缴款')}
              </Button>
            )
          }
        >
          <Descriptions column={3} size="small" bordered style={{ marginBottom: 12 }} labelStyle={{ whiteSpace: 'nowrap' }}>
            <Descriptions.Item label={t('缴纳期限')}>
              <Due on={payment.dueOn} done={payment.paidInFull} />
            </Descriptions.Item>
            <Descriptions.Item label={t('应缴（罚没款）')}>{fmtYuan(payment.principalFen)}</Descriptions.Item>
            <Descriptions.Item label={t('已缴')}>{fmtYuan(payment.paidFen)}</Descriptions.Item>
            <Descriptions.Item label={t('加处罚款')}>
              {fmtYuan(payment.surchargeFen)}
              <Typography.Text type="secondary">{t('（逾期每日按罚款数额 3%，不超过罚款数额）')}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('今日应缴')}>
              <Typography.Text strong type={p.amountOwedTodayFen ? 'danger' : undefined} data-testid="amount-owed">
                {fmtYuan(p.amountOwedTodayFen ?? 0)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('执行情况')}>
              {p.enforcement ? t(ENFORCEMENT_LABELS[p.enforcement]) : payment.paidInFull ? t('已缴清') : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={payment.payments}
            locale={{ emptyText: t('尚无缴款记录') }}
            columns={[
              { title: t('缴款日期'), dataIndex: 'paidOn', render: fmtDate },
              { title: t('金额'), dataIndex: 'amountFen', render: fmtYuan },
              { title: t('票据号'), dataIndex: 'receiptNo' },
            ]}
          />
        </Card>
      )}

      {dispute && (
        <Card size="small" title={t('行政裁决程序')} style={{ marginBottom: 12 }} data-testid="dispute-procedure">
          <Descriptions column={2} size="small" bordered labelStyle={{ whiteSpace: 'nowrap' }}>
            <Descriptions.Item label={t('请求书副本送达被请求人')}>{fmtDate(str(p.dispute, 'requestServedOn'))}</Descriptions.Item>
            <Descriptions.Item label={t('答辩期限')}>
              <Due on={str(p.dispute, 'answerDueOn')} done={!!p.dispute?.answer} />
            </Descriptions.Item>
            <Descriptions.Item label={t('答辩')}>
              {p.dispute?.answer ? JSON.stringify(p.dispute.answer).replace(/[{}"]/g, ' ') : t('未收到')}
            </Descriptions.Item>
            <Descriptions.Item label={t('告知请求人受理结果')}>{fmtDate(str(p.dispute, 'requesterNotifiedOn'))}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      <Card
        size="small"
        title={t('送达记录')}
        extra={
          !ended && (
            <Button size="small" onClick={() => setDialog('service')} data-testid="record-service">
              {t('登记送达')}
            </Button>
          )
        }
      >
        <QueryState loading={records.isLoading} error={records.error} onRetry={() => void records.refetch()}>
          {records.data && records.data.length === 0 ? (
            <Empty description={t('尚无送达记录')} />
          ) : (
            <Table
              data-testid="service-records"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={records.data ?? []}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('文书'), dataIndex: 'document', render: (d: string) => t(label(SERVICE_DOCUMENT_LABELS, d)) },
                { title: t('方式'), dataIndex: 'method', render: (m: string) => t(label(SERVE_METHOD_LABELS, m)) },
                { title: t('送达日期'), dataIndex: 'servedOn', render: fmtDate },
                { title: t('邮件号'), dataIndex: 'trackingNo', render: (v: string | null) => v ?? '—' },
                { title: t('签收情况'), dataIndex: 'receiptNote', render: (v: string | null) => v ?? '—' },
                { title: t('登记人'), dataIndex: 'recordedBy', render: (id: string) => userName(id) },
                { title: t('登记时间'), dataIndex: 'recordedAt', render: fmtDateTime },
              ]}
            />
          )}
        </QueryState>
      </Card>

      {dialog === 'service' && (
        <ActionModal
          open
          title={t('登记送达')}
          testId="service-record-form"
          onClose={() => setDialog(null)}
          onRefresh={refresh}
          onSubmit={async (v) => {
            await api.post(
              '/api/v1/cases/{id}/service-records',
              {
                document: v.document as 'decision',
                method: v.method as 'direct',
                servedOn: (v.servedOn as Dayjs).format('YYYY-MM-DD'),
                ...(v.trackingNo ? { trackingNo: (v.trackingNo as string).trim() } : {}),
                ...(v.consent ? { consent: true } : {}),
                ...(v.receiptNote ? { receiptNote: v.receiptNote as string } : {}),
              },
              { path: { id: caseData.id } },
            );
            after();
          }}
        >
          <ServiceRecordFields />
        </ActionModal>
      )}
      {dialog === 'payment' && (
        <ActionModal
          open
          title={t('登记缴款')}
          testId="payment-form"
          onClose={() => setDialog(null)}
          onRefresh={refresh}
          alias={(f) => (f === 'amountFen' ? 'amount' : f)}
          onSubmit={async (v) => {
            await api.post(
              '/api/v1/cases/{id}/payments',
              {
                paidOn: (v.paidOn as Dayjs).format('YYYY-MM-DD'),
                amountFen: yuanToFen(v.amount as string) ?? 0,
                receiptNo: (v.receiptNo as string).trim(),
              },
              { path: { id: caseData.id } },
            );
            after();
          }}
        >
          <PaymentFields owed={p.amountOwedTodayFen} />
        </ActionModal>
      )}
    </>
  );
}

export default defineCaseTab({ key: 'procedure', label: '处罚与送达程序', order: 55, Component: ProcedureTab });
