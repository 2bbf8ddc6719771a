import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { ActionKind } from '../../../common/actions';
import type { RecordDetail } from '../../../common/api/records';
import { ApiError } from '../../api/client';
import { useCreateRecord, useReloadRecord, useSubmitRecord, useUpdateRecord } from './records.api';
import {
  attendanceBody,
  kindsWithAttendance,
  titleOf,
  toApiData,
  type AttendanceRow,
  type RecordFormValues,
} from './recordForm';
import { rowsMissingReason } from './AttendanceEditor';
import { applyFieldErrors, validatedValues } from '../../components/formErrors';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

export interface SaveTarget {
  /** The saved record being edited; absent while the record is new. */
  record?: RecordDetail;
  campaignId: number;
  branchId: number;
  kind: ActionKind;
}

interface Options {
  form: FormInstance<RecordFormValues>;
  rows: AttendanceRow[];
  onAttendanceErrors: () => void;
  /** Puts a freshly loaded version into the form (the user chose to discard their changes). */
  onReloaded: (latest: RecordDetail) => void;
}

/** A blocking checklist item the server found missing at submit. */
export interface MissingItem {
  key: string;
  label: string;
}

export const recordPath = (id: number) => `/workbench/records/${id}`;

/**
 * Save (with the version the user started from) and submit. A 409 never loses the user's typing:
 * the form stays as it is and they choose between saving over the other change and reloading.
 */
export function useRecordSave(target: SaveTarget, { form, rows, onAttendanceErrors, onReloaded }: Options) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const create = useCreateRecord();
  const update = useUpdateRecord();
  const submitRecord = useSubmitRecord();
  const reload = useReloadRecord();
  const [baseVersion, setBaseVersion] = useState(target.record?.version ?? 0);
  /** The server's message of a 409, while the user has not chosen how to go on. */
  const [conflict, setConflict] = useState<string | null>(null);
  // A new record that could not be submitted opens as saved, with what it still lacks.
  const location = useLocation();
  const [incomplete, setIncomplete] = useState<MissingItem[]>(
    () => (location.state as { incomplete?: MissingItem[] } | null)?.incomplete ?? [],
  );
  const { kind } = target;
  const withAttendance = kindsWithAttendance.has(kind);

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'CONFLICT') {
      setConflict(errorText(error));
      return;
    }
    applyFieldErrors(form, error);
    void message.error(errorText(error));
  };

  /** Validates and saves; the saved record, or null when something stopped it (already shown). */
  const persist = async (version = baseVersion): Promise<RecordDetail | null> => {
    if (!(await validatedValues(form))) return null;
    // The whole store, not only the fields on screen: data the form does not show (a problem's
    // link to the register, a channel's reach, related records) must survive a save.
    const values = form.getFieldsValue(true) as RecordFormValues;
    if (withAttendance && rowsMissingReason(rows).length) {
      onAttendanceErrors();
      void message.error(t('attendance.reasonRequired'));
      return null;
    }
    const title = titleOf(kind, values);
    if (!title) {
      form.setFields([{ name: 'title', errors: [t('common.required', { field: t('field.title') })] }]);
      form.scrollToField('title', { block: 'center' });
      return null;
    }
    const body = {
      title,
      occurredOn: values.occurredOn!.format('YYYY-MM-DD'),
      data: toApiData(kind, values.data),
      attendance: withAttendance ? attendanceBody(rows) : undefined,
    };
    try {
      const saved = target.record
        ? await update.mutateAsync({ id: target.record.id, body: { ...body, version } })
        : await create.mutateAsync({
            ...body,
            campaignId: target.campaignId,
            branchId: target.branchId,
            kind,
          });
      setBaseVersion(saved.version);
      setConflict(null);
      return saved;
    } catch (error) {
      failed(error);
      return null;
    }
  };

  const save = async (version?: number) => {
    const saved = await persist(version);
    if (!saved) return;
    void message.success(t('records.saved'));
    if (!target.record) navigate(recordPath(saved.id), { replace: true });
  };

  const submit = async () => {
    setIncomplete([]);
    const saved = await persist();
    if (!saved) return;
    let missing: MissingItem[] = [];
    try {
      await submitRecord.mutateAsync({ id: saved.id, version: saved.version });
      void message.success(t('records.submitted'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RECORD_INCOMPLETE' && Array.isArray(error.details)) {
        // The server names each missing checklist item by its key, with the Chinese label.
        missing = (error.details as { path: string; message: string }[]).map((d) => ({
          key: d.path,
          label: d.message,
        }));
        setIncomplete(missing);
      } else failed(error);
    } finally {
      if (!target.record) navigate(recordPath(saved.id), { replace: true, state: { incomplete: missing } });
    }
  };

  /** Keep what the user typed and save it over the newer version. */
  const keepMine = async () => {
    if (!target.record) return;
    try {
      const latest = await reload(target.record.id);
      setBaseVersion(latest.version);
      await save(latest.version);
    } catch (error) {
      failed(error);
    }
  };

  /** Discard the user's changes and show the newer version. */
  const loadTheirs = async () => {
    if (!target.record) return;
    try {
      const latest = await reload(target.record.id);
      setBaseVersion(latest.version);
      setConflict(null);
      onReloaded(latest);
      void message.info(t('records.conflictLoaded'));
    } catch (error) {
      failed(error);
    }
  };

  return {
    save: () => save(),
    /** Saves without a message, for an action that needs the saved version (报分管领导审核). */
    persistNow: () => persist(),
    submit,
    keepMine,
    loadTheirs,
    conflict,
    incomplete,
    dismissIncomplete: () => setIncomplete([]),
    busy: create.isPending || update.isPending || submitRecord.isPending,
  };
}
