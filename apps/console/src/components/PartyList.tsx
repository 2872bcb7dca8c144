import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleOf, validateCallerPhone, validateResidentId, validateUscc } from '../lib/identifiers';

/** A list of parties (requesters or respondents) with live USCC / ID number checks as they are typed. */
export function PartyList({ name, title, minOne, withRole }: { name: string; title: string; minOne?: boolean; withRole?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name={name}
      rules={
        minOne
          ? [{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('至少填写一方')))) }]
          : undefined
      }
    >
      {(fields, { add, remove }, { errors }) => (
        <Card
          size="small"
          title={t(title)}
          style={{ marginBottom: 16 }}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'organization' })}>
              {t('添加')}
            </Button>
          }
        >
          {fields.map((f, i) => (
            <div key={f.key} data-testid={`${name}-${i}`}>
              <Row gutter={12} align="top">
                <Col span={4}>
                  <Form.Item label={t('类别')} name={[f.name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      options={[
                        { value: 'organization', label: t('单位') },
                        { value: 'individual', label: t('个人') },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item label={t('名称/姓名')} name={[f.name, 'name']} rules={[{ required: true, message: t('请填写名称') }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) =>
                    getFieldValue([name, f.name, 'kind']) === 'individual' ? (
                      <Col span={7}>
                        <Form.Item label={t('身份证号')} name={[f.name, 'idNumber']} rules={[ruleOf(validateResidentId)]} validateFirst>
                          <Input maxLength={18} className="mono" />
                        </Form.Item>
                      </Col>
                    ) : (
                      <Col span={7}>
                        <Form.Item label={t('统一社会信用代码')} name={[f.name, 'uscc']} rules={[ruleOf(validateUscc)]} validateFirst>
                          <Input maxLength={18} className="mono" />
                        </Form.Item>
                      </Col>
                    )
                  }
                </Form.Item>
                {withRole ? (
                  <Col span={5}>
                    <Form.Item label={t('身份')} name={[f.name, 'role']}>
                      <Select
                        allowClear
                        options={[
                          { value: 'patentee', label: t('专利权人') },
                          { value: 'interested_party', label: t('利害关系人') },
                          { value: 'other', label: t('其他') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                ) : (
                  <Col span={5}>
                    <Form.Item label={t('法定代表人')} name={[f.name, 'legalRepresentative']}>
                      <Input />
                    </Form.Item>
                  </Col>
                )}
                <Col span={1} style={{ paddingTop: 30 }}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('删除')} />
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={11}>
                  <Form.Item label={t('地址')} name={[f.name, 'address']}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item label={t('电话')} name={[f.name, 'phone']} rules={[ruleOf(validateCallerPhone)]}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
        </Card>
      )}
    </Form.List>
  );
}
