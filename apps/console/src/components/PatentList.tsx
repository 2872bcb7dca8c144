import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { parsePatentNumber, ruleOf } from '../lib/identifiers';
import { PATENT_KIND_LABELS } from '../lib/labels';

const checkPatent = (v: string) => {
  const r = parsePatentNumber(v);
  return r.ok ? { ok: true } : r;
};

/** Patent numbers checked as typed; a valid one shows its normalised form and kind. */
export function PatentList({ name = 'patents' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Card
          size="small"
          title={t('涉案专利')}
          style={{ marginBottom: 16 }}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('添加')}
            </Button>
          }
        >
          {fields.map((f) => (
            <Row gutter={12} key={f.key}>
              <Col span={10}>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const v = (getFieldValue([name, f.name, 'number']) as string | undefined) ?? '';
                    const r = v ? parsePatentNumber(v) : null;
                    return (
                      <Form.Item
                        label={t('专利号/申请号')}
                        name={[f.name, 'number']}
                        rules={[{ required: true, message: t('请填写专利号') }, ruleOf(checkPatent)]}
                        extra={r?.ok ? `${r.normalized} · ${t(PATENT_KIND_LABELS[r.kind])} · ${r.applicationYear}` : undefined}
                      >
                        <Input className="mono" placeholder="ZL 2015 1 0958772.0" />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('专利名称')} name={[f.name, 'title']}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={1} style={{ paddingTop: 30 }}>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} />
              </Col>
            </Row>
          ))}
        </Card>
      )}
    </Form.List>
  );
}
