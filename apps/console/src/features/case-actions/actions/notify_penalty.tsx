import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanToFen } from '../../../lib/format';
import { defineCaseAction } from '../define';
import { ServiceFields, servicePayload } from './serve';

function Fields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('拟作出的处罚及事实、理由')} name="summary" rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('法律依据')} name="legalBasis" rules={[{ required: true, whitespace: true }]}>
        <Input placeholder="《中华人民共和国专利法》第六十八条" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('拟罚款（元）')} name="fine">
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('拟没收违法所得（元）')} name="confiscated">
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      <ServiceFields dateLabel="告知书送达日期" />
    </>
  );
}

export default defineCaseAction({
  action: 'notify_penalty',
  primary: true,
  Fields,
  toPayload: (v) => ({
    ...servicePayload(v),
    intendedPenalty: {
      summary: (v.summary as string).trim(),
      legalBasis: (v.legalBasis as string).trim(),
      fineFen: v.fine ? (yuanToFen(v.fine as string) ?? undefined) : undefined,
      confiscatedFen: v.confiscated ? (yuanToFen(v.confiscated as string) ?? undefined) : undefined,
    },
  }),
});
