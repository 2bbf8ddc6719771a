import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Tag, Typography, Upload, type UploadProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportIssue, ImportResult } from '../../../common/api/ledgers';
import { peopleApi } from '../../../common/api/people.routes';
import { ApiError } from '../../api/client';
import { callForm } from '../../api/call';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';
import { downloadFile } from '../reports/ledgerDownload';
import { structureQueryKey } from './org.api';

/** Import problems come back as the details of an IMPORT_INVALID error. */
function issuesOf(error: unknown): ImportIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID' || !Array.isArray(error.details))
    return null;
  return error.details as ImportIssue[];
}

/**
 * Member import: download the template, upload the filled file, then either every problem by row
 * and column (nothing was imported) or what was created, updated and left unchanged.
 */
export function PeopleImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const importFile = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return callForm(peopleApi.import, form);
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['people'] }),
        client.invalidateQueries({ queryKey: structureQueryKey }),
      ]),
  });

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!(file instanceof File)) return;
    setFileName(file.name);
    importFile
      .mutateAsync(file)
      .then((r) => onSuccess?.(r))
      .catch((e: unknown) => onError?.(e instanceof Error ? e : new Error(String(e))));
  };

  const issues = issuesOf(importFile.error);
  const result = importFile.data;
  const outcomeTag = (o: ImportResult['rows'][number]['outcome']) => (
    <Tag color={o === 'created' ? 'green' : o === 'updated' ? 'blue' : undefined}>
      {t(`peopleImport.${o}`)}
    </Tag>
  );

  return (
    <Modal
      open={open}
      title={t('peopleImport.title')}
      width={760}
      footer={null}
      onCancel={() => {
        importFile.reset();
        setFileName(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>{t('peopleImport.step1')}</Typography.Text>
        <Button
          onClick={() => {
            setTemplateError(null);
            downloadFile('/people/import-template', {}, '党员信息导入模板.xlsx').catch((e: unknown) =>
              setTemplateError(errorText(e)),
            );
          }}
        >
          {t('peopleImport.template')}
        </Button>
        {templateError && <Alert type="error" showIcon title={templateError} />}
        <Typography.Text>{t('peopleImport.step2')}</Typography.Text>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={importFile.isPending}
          customRequest={customRequest}
        >
          <Typography.Text>
            {importFile.isPending ? `${fileName ?? ''}…` : t('peopleImport.drop')}
          </Typography.Text>
        </Upload.Dragger>

        {issues && (
          <>
            <Alert
              type="error"
              showIcon
              title={`${fileName ?? ''}:${t('peopleImport.invalid', { count: issues.length })}`}
            />
            <Table<ImportIssue>
              size="small"
              rowKey={(i) => `${i.row}-${i.column}-${i.message}`}
              dataSource={issues}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                {
                  key: 'where',
                  title: t('peopleImport.where'),
                  width: 96,
                  render: (_, i) => (
                    <>
                      {t('peopleImport.rowN', { row: i.row })}
                      <br />
                      <Typography.Text type="secondary">{i.column}</Typography.Text>
                    </>
                  ),
                },
                {
                  key: 'message',
                  title: t('peopleImport.problem'),
                  render: (_, i) => (
                    <>
                      {i.message}
                      {i.value && (
                        <>
                          <br />
                          <Typography.Text type="secondary">
                            {t('peopleImport.value')}:{i.value}
                          </Typography.Text>
                        </>
                      )}
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
        {importFile.isError && !issues && <Alert type="error" showIcon title={errorText(importFile.error)} />}

        {result && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('peopleImport.done', {
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
              })}
            />
            <Table<ImportResult['rows'][number]>
              size="small"
              rowKey="row"
              dataSource={result.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'row', title: t('peopleImport.row'), dataIndex: 'row', width: 64 },
                { key: 'employeeNo', title: t('people.employeeNo'), dataIndex: 'employeeNo' },
                { key: 'name', title: t('people.name'), dataIndex: 'name' },
                { key: 'outcome', title: t('peopleImport.outcome'), render: (_, r) => outcomeTag(r.outcome) },
                { key: 'changed', title: t('peopleImport.changed'), render: (_, r) => r.changed.join('、') },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
