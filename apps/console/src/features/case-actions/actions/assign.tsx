import { Alert, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScopeUsers } from '../../../api/hooks';
import type { Case } from '../../../api/types';
import { defineCaseAction } from '../define';

const RULE: Record<Case['type'], string> = {
  infringement_dispute: '侵权纠纷：至少 3 人且为奇数',
  passing_off: '假冒专利：至少 2 人',
  dispute_mediation: '纠纷调解：至少 1 人',
};

/** Officers of the case's unit, from GET /users (officers and supervisors see their scope's users). */
function Fields({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const users = useScopeUsers();
  const officers = (users.data ?? []).filter((u) => u.active && u.roles.includes('officer') && u.orgUnit.code === caseData.orgUnitCode);
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(RULE[caseData.type])} />
      <Form.Item
        label={t('办案人员')}
        name="officerIds"
        initialValue={caseData.assignedOfficerIds}
        rules={[{ required: true, message: t('请选择办案人员') }]}
      >
        <Select
          mode="multiple"
          showSearch
          loading={users.isLoading}
          optionFilterProp="label"
          options={officers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
          notFoundContent={users.error ? t('无法读取本单位人员') : t('本单位没有执法人员')}
        />
      </Form.Item>
    </>
  );
}

export default defineCaseAction({ action: 'assign', primary: true, Fields, toPayload: (v) => ({ officerIds: v.officerIds as string[] }) });
