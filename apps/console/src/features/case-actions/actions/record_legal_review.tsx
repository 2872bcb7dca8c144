import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { defineCaseAction } from '../define';

function Fields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('审核意见')} name="opinion" rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('审核结论')} name="conclusion" initialValue="approve" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'approve', label: t('同意') },
            { value: 'revise', label: t('建议修改') },
          ]}
        />
      </Form.Item>
    </>
  );
}

export default defineCaseAction({
  action: 'record_legal_review',
  Fields,
  toPayload: (v) => ({ opinion: (v.opinion as string).trim(), conclusion: v.conclusion as 'approve' | 'revise' }),
});
