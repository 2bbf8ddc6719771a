import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Person } from '../../../common/api/people';
import type { Structure } from '../../../common/api/org';
import { branchPostLabels, memberStatusLabels } from '../../../common/enums';
import { usePeople, useUpdatePerson, type PeopleFilter } from './people.api';
import { PersonDrawer } from './PersonDrawer';
import { PeopleImportModal } from './PeopleImportModal';
import { useSessionUser } from '../auth/auth.api';
import { branchReadScope } from '../../../common/policies/actor';
import { canCreatePeople, canEditPeopleOf } from '../../../common/policies/people';
import { ActiveTag, ActiveToggle } from '../../components/ActiveControls';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

const PAGE_SIZE = 20;

/** People of the organisation; a branch secretary sees and edits own branch only (the server enforces it). */
export function PeopleTab({ structure }: { structure: Structure }) {
  const { t, pick } = useI18n();
  const user = useSessionUser();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<PeopleFilter>({ limit: PAGE_SIZE, offset: 0 });
  const [editing, setEditing] = useState<{ person?: Person } | null>(null);
  // Each opening gets a fresh drawer (and form store), so no value of the previous one lingers.
  const [editorKey, setEditorKey] = useState(0);
  const [importing, setImporting] = useState(false);
  const openEditor = (person?: Person) => {
    setEditorKey((k) => k + 1);
    setEditing({ person });
  };
  const people = usePeople(filter);
  const update = useUpdatePerson();

  const readable = branchReadScope(user);
  const filterBranches =
    readable === 'all' ? structure.branches : structure.branches.filter((b) => readable.includes(b.id));
  const nameOf = (list: { id: number; name: string }[], id: number | null) =>
    id === null ? '' : (list.find((item) => item.id === id)?.name ?? '');
  const change = (patch: Partial<PeopleFilter>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Select<number>
          allowClear
          style={{ width: 180, maxWidth: '100%' }}
          placeholder={t('people.allBranches')}
          value={filter.branchId}
          onChange={(branchId) => change({ branchId })}
          options={filterBranches.map((b) => ({ value: b.id, label: b.name }))}
        />
        <Input.Search
          allowClear
          style={{ width: 240, maxWidth: '100%' }}
          placeholder={t('people.searchPlaceholder')}
          maxLength={30}
          onSearch={(q) => change({ q: q.trim() || undefined })}
        />
        <Checkbox
          checked={!!filter.includeInactive}
          onChange={(e) => change({ includeInactive: e.target.checked })}
        >
          {t('common.showInactive')}
        </Checkbox>
        <span style={{ flex: 1 }} />
        {canCreatePeople(user) && (
          <Space size={8}>
            <Button onClick={() => setImporting(true)}>{t('peopleImport.button')}</Button>
            <Button type="primary" onClick={() => openEditor()}>
              {t('people.new')}
            </Button>
          </Space>
        )}
      </div>
      {people.isError && <Alert type="error" showIcon title={errorText(people.error)} />}
      <Table<Person>
        rowKey="id"
        size="small"
        loading={people.isFetching}
        scroll={{ x: 'max-content' }}
        dataSource={people.data?.items ?? []}
        pagination={{
          current: filter.offset / PAGE_SIZE + 1,
          pageSize: PAGE_SIZE,
          total: people.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => setFilter((f) => ({ ...f, offset: (page - 1) * PAGE_SIZE })),
        }}
        columns={[
          {
            key: 'name',
            title: t('people.name'),
            fixed: 'left',
            render: (_, p) => (
              <Typography.Text strong={p.branchPost === 'secretary'}>{p.name}</Typography.Text>
            ),
          },
          { key: 'employeeNo', title: t('people.employeeNo'), dataIndex: 'employeeNo' },
          {
            key: 'branch',
            title: t('people.branch'),
            render: (_, p) => nameOf(structure.branches, p.branchId),
          },
          {
            key: 'group',
            title: t('people.partyGroup'),
            render: (_, p) => nameOf(structure.partyGroups, p.partyGroupId),
          },
          {
            key: 'department',
            title: t('people.department'),
            render: (_, p) => nameOf(structure.departments, p.departmentId),
          },
          {
            key: 'status',
            title: t('people.memberStatus'),
            render: (_, p) => (
              <Tag
                color={
                  p.memberStatus === 'full' ? 'red' : p.memberStatus === 'probationary' ? 'orange' : undefined
                }
              >
                {pick(memberStatusLabels[p.memberStatus])}
              </Tag>
            ),
          },
          {
            key: 'post',
            title: t('people.branchPost'),
            render: (_, p) => (p.branchPost ? pick(branchPostLabels[p.branchPost]) : ''),
          },
          { key: 'phone', title: t('people.phone'), dataIndex: 'phone' },
          { key: 'active', title: t('common.status'), render: (_, p) => <ActiveTag active={p.active} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, p) =>
              canEditPeopleOf(user, p.branchId) && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => openEditor(p)}>
                    {t('common.edit')}
                  </Button>
                  <ActiveToggle
                    active={p.active}
                    name={p.name}
                    onChange={(active) => update.mutateAsync({ id: p.id, patch: { active } })}
                  />
                </Space>
              ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('people.neverDeleted')}
      </Typography.Text>
      <PersonDrawer
        key={editorKey}
        open={editing !== null}
        person={editing?.person}
        structure={structure}
        branchChoices={filterBranches}
        onClose={() => setEditing(null)}
      />
      <PeopleImportModal open={importing} onClose={() => setImporting(false)} />
    </Space>
  );
}
