import { useState } from 'react';
import { App, Button, DatePicker, Form, List, Popconfirm, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Person, PostTerm } from '../../../common/api/people';
import { branchPostLabels, branchPosts, type BranchPost } from '../../../common/enums';
import { EntityFormModal } from '../../components/EntityFormModal';
import { requiredChoiceRule } from '../../components/formRules';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { usePostTermChange, usePostTerms } from './people.api';

interface TermValues {
  post: BranchPost;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * The posts a person has held (任职记录), from – to, the current one open. Past terms can be
 * added and any term corrected, ended or removed; who is expected at a 支委会 on a date is read
 * from this list, so it is what the meeting records rely on.
 */
export function PostHistory({
  person,
  editable,
  onCurrentPost,
}: {
  person: Person;
  editable: boolean;
  /** The current post after a change here, so a form showing it does not send the old one back. */
  onCurrentPost?: (post: BranchPost | null) => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const terms = usePostTerms(person.id);
  const change = usePostTermChange(person.id);
  const [editing, setEditing] = useState<{ term?: PostTerm } | null>(null);

  const current = (r: { items: PostTerm[] }) =>
    onCurrentPost?.(r.items.find((x) => x.endedOn === null)?.post ?? null);
  const save = async (v: TermValues) => {
    const body = { post: v.post, startedOn: day(v.startedOn)!, endedOn: day(v.endedOn) };
    current(
      editing?.term
        ? await change.mutateAsync({ op: 'edit', termId: editing.term.id, body })
        : await change.mutateAsync({ op: 'add', body }),
    );
  };
  const remove = async (termId: number) => {
    try {
      current(await change.mutateAsync({ op: 'remove', termId }));
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

  return (
    <div>
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 4 }}
      >
        <Typography.Text strong>{t('people.posts.title')}</Typography.Text>
        {editable && (
          <Button size="small" onClick={() => setEditing({})}>
            {t('people.posts.add')}
          </Button>
        )}
      </div>
      <List<PostTerm>
        size="small"
        loading={terms.isLoading}
        locale={{ emptyText: t('people.posts.none') }}
        dataSource={terms.data?.items ?? []}
        renderItem={(term) => (
          <List.Item
            data-term={term.post}
            actions={
              editable
                ? [
                    <Button key="edit" type="link" size="small" onClick={() => setEditing({ term })}>
                      {t('common.edit')}
                    </Button>,
                    <Popconfirm
                      key="remove"
                      title={t('people.posts.removeConfirm')}
                      onConfirm={() => remove(term.id)}
                    >
                      <Button type="link" size="small" danger>
                        {t('people.posts.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={0}>
              <Typography.Text>
                {pick(branchPostLabels[term.post])}
                {term.branchId !== person.branchId && ` · ${term.branchName}`}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {term.startedOn} {t('people.posts.to')} {term.endedOn ?? t('people.posts.now')}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <EntityFormModal<TermValues>
        open={editing !== null}
        title={editing?.term ? t('people.posts.edit') : t('people.posts.add')}
        initialValues={
          editing?.term
            ? {
                post: editing.term.post,
                startedOn: dayjs(editing.term.startedOn),
                endedOn: editing.term.endedOn ? dayjs(editing.term.endedOn) : null,
              }
            : {}
        }
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          name="post"
          label={t('people.branchPost')}
          rules={[requiredChoiceRule(t, t('people.branchPost'))]}
        >
          <Select options={branchPosts.map((p) => ({ value: p, label: pick(branchPostLabels[p]) }))} />
        </Form.Item>
        <Form.Item
          name="startedOn"
          label={t('people.posts.startedOn')}
          rules={[requiredChoiceRule(t, t('people.posts.startedOn'))]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={future} />
        </Form.Item>
        <Form.Item name="endedOn" label={t('people.posts.endedOn')} extra={t('people.posts.endedOnHint')}>
          <DatePicker style={{ width: '100%' }} disabledDate={future} />
        </Form.Item>
      </EntityFormModal>
    </div>
  );
}
