import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DecisionBody } from '../../../api/types';
import { yuanToFen } from '../../../lib/format';
import { DECISION_KIND_LABELS } from '../../../lib/labels';
import { defineCaseAction } from '../define';

const yuanRule = {
  validator: (_: unknown, v: unknown) =>
    v === undefined || v === '' || yuanToFen(v as string) !== null
      ? Promise.resolve()
      : Promise.reject(new Error('金额格式：元，最多两位小数')),
};

function Fields() {
  const { t } = useTranslation();
  const kind = Form.useWatch(['decision', 'kind']) as DecisionBody['kind'] | undefined;
  return (
    <>
      <Form.Item label={t('决定类型')} name={['decision', 'kind']} rules={[{ required: true }]}>
        <Select
          options={(['ruling', 'penalty', 'no_penalty', 'dismissal'] as const).map((k) => ({
            value: k,
            label: t(DECISION_KIND_LABELS[k]),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('决定摘要')} name={['decision', 'summary']} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        label={t('违法事实')}
        name={['decision', 'facts']}
        rules={kind === 'penalty' ? [{ required: true, whitespace: true, message: t('处罚决定须写明违法事实') }] : []}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('法律依据')} name={['decision', 'legalBasis']} rules={[{ required: true, whitespace: true }]}>
        <Input placeholder="《中华人民共和国专利法》第六十八条" />
      </Form.Item>
      {kind === 'penalty' && (
        <>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label={t('罚款（元）')} name={['decision', 'fine']} rules={[yuanRule]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('违法所得（元）')} name={['decision', 'illegalGains']} rules={[yuanRule]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('没收违法所得（元）')} name={['decision', 'confiscated']} rules={[yuanRule]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                label={t('违法行为发生日期')}
                name={['decision', 'actDate']}
                extra={t('决定适用 2008 年或 2020 年专利法的罚款上限；默认收案日期')}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('警告')} name={['decision', 'warning']} valuePropName="checked">
                <Checkbox>{t('并处警告')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}

export default defineCaseAction({
  action: 'propose_decision',
  primary: true,
  width: 680,
  Fields,
  toPayload: (v) => {
    const d = v.decision as Record<string, unknown>;
    const fen = (x: unknown) => (x === undefined || x === '' ? undefined : (yuanToFen(x as string) ?? undefined));
    const decision: DecisionBody = {
      kind: d.kind as DecisionBody['kind'],
      summary: (d.summary as string).trim(),
      legalBasis: (d.legalBasis as string).trim(),
      facts: (d.facts as string | undefined)?.trim() || undefined,
      warning: d.kind === 'penalty' ? (d.warning as boolean | undefined) || undefined : undefined,
      fineFen: fen(d.fine),
      illegalGainsFen: fen(d.illegalGains),
      confiscatedFen: fen(d.confiscated),
      actDate: (d.actDate as Dayjs | undefined)?.format('YYYY-MM-DD'),
    };
    return { decision };
  },
});
