import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOrgUnits } from '../api/hooks';
import type { CreateUserBody, Role, UpdateUserBody, User } from '../api/types';
import { ActionModal } from '../components/ActionModal';
import { CursorTable } from '../components/CursorTable';
import { fmtDateTime } from '../lib/format';
import { ROLE_LABELS } from '../lib/labels';

const ROLES = Object.keys(ROLE_LABELS) as Role[];

export default function UsersPage() {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const unitOptions = units.data?.filter((u) => u.kind !== 'partner').map((u) => ({ value: u.code, label: u.name }));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('用户管理')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-user">
          {t('新建用户')}
        </Button>
      </Space>
      <Card
        extra={
          <Space.Compact>
            <Input
              aria-label={t('搜索用户')}
              placeholder={t('用户名或姓名')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onPressEnter={() => setQ(search.trim())}
            />
            <Button onClick={() => setQ(search.trim())}>{t('搜索')}</Button>
          </Space.Compact>
        }
      >
        <CursorTable<User>
          testId="users-table"
          queryKey={['users', 'admin', q]}
          fetchPage={(cursor, limit) => api.get('/api/v1/users', { query: { q: q || undefined, cursor, limit } })}
          onRow={(r) => ({ onClick: () => setEditing(r), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('用户名'), dataIndex: 'username' },
            { title: t('姓名'), dataIndex: 'displayName' },
            { title: t('角色'), dataIndex: 'roles', render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{t(ROLE_LABELS[r])}</Tag>) },
            { title: t('单位'), render: (_, u) => u.orgUnit.name },
            {
              title: t('状态'),
              render: (_, u) =>
                u.active ? (
                  u.lockedUntil ? (
                    <Tag color="orange">{t('已锁定')}</Tag>
                  ) : (
                    <Tag color="green">{t('启用')}</Tag>
                  )
                ) : (
                  <Tag>{t('停用')}</Tag>
                ),
            },
            { title: t('创建时间'), dataIndex: 'createdAt', render: fmtDateTime },
          ]}
        />
      </Card>
      {editing && (
        <ActionModal
          open
          title={editing === 'new' ? t('新建用户') : t('编辑用户 {{u}}', { u: editing.username })}
          onClose={() => setEditing(null)}
          onRefresh={() => void queryClient.invalidateQueries({ queryKey: ['users'] })}
          onSubmit={async (v) => {
            if (editing === 'new') {
              await api.post('/api/v1/users', {
                username: String(v.username).trim(),
                displayName: String(v.displayName).trim(),
                password: String(v.password),
                roles: v.roles as CreateUserBody['roles'],
                orgUnitCode: String(v.orgUnitCode),
              });
            } else {
              const body: UpdateUserBody = {
                expectedVersion: editing.version,
                displayName: String(v.displayName).trim(),
                roles: v.roles as UpdateUserBody['roles'],
                orgUnitCode: String(v.orgUnitCode),
                active: v.active as boolean,
                password: (v.password as string | undefined) || undefined,
                unlock: (v.unlock as boolean | undefined) || undefined,
              };
              await api.patch('/api/v1/users/{id}', body, { path: { id: editing.id } });
            }
            void queryClient.invalidateQueries({ queryKey: ['users'] });
          }}
        >
          {editing === 'new' && (
            <Form.Item
              label={t('用户名')}
              name="username"
              rules={[{ required: true }, { pattern: /^[a-z0-9._-]{3,40}$/, message: t('3–40 位小写字母、数字、点、横线或下划线') }]}
            >
              <Input autoFocus />
            </Form.Item>
          )}
          <Form.Item
            label={t('姓名')}
            name="displayName"
            initialValue={editing === 'new' ? undefined : editing.displayName}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('角色')}
            name="roles"
            initialValue={editing === 'new' ? undefined : editing.roles}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('单位')}
            name="orgUnitCode"
            initialValue={editing === 'new' ? undefined : editing.orgUnit.code}
            rules={[{ required: true }]}
          >
            <Select showSearch optionFilterProp="label" options={unitOptions} />
          </Form.Item>
          <Form.Item
            label={editing === 'new' ? t('初始密码') : t('重置密码（留空不改）')}
            name="password"
            rules={[...(editing === 'new' ? [{ required: true }] : []), { min: 10, message: t('至少 10 位') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {editing !== 'new' && (
            <Space size="large">
              <Form.Item label={t('启用')} name="active" valuePropName="checked" initialValue={editing.active}>
                <Switch />
              </Form.Item>
              {editing.lockedUntil && (
                <Form.Item label={t('解除锁定')} name="unlock" valuePropName="checked">
                  <Switch />
                </Form.Item>
              )}
            </Space>
          )}
        </ActionModal>
      )}
    </>
  );
}
