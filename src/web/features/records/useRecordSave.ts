import { useEffect, useRef, useState } from 'react';
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
import { recordPath } from '../../../common/links';

export interface SaveTarget {
  /** The saved record being edited; absent while the record is new. */
  record?: RecordDetail;
  campaignId: number;
  branchId: number;
  kind: ActionKind;
  /** Keeps the page's editor mounted when a new record's address becomes the saved one's. */
  editorKey: string;
}

/** How long typing pauses before the form is saved by itself. */
const AUTOSAVE_DELAY_MS = 1500;

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

export { recordPath };

/**
 * Save (with the version the user started from) and submit. The form saves itself as the user
 * works: the first change that gives a valid draft creates it, later ones update it with the
 * version check, one save at a time. A 409 never loses the user's typing: the form stays as it
 * is and they choose between saving over the other change and reloading.
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
  // Refs, not state: a save queued behind another must see the id and version that one produced.
  const savedId = useRef<number | null>(target.record?.id ?? null);
  const baseVersion = useRef(target.record?.version ?? 0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const [saving, setSaving] = useState(false);
  const [autoSavedAt, setAutoSavedAt] = useState<Date | null>(null);
  /** The server's message of a 409, while the user has not chosen how to go on. */
  const [conflict, setConflictState] = useState<string | null>(null);
  // Read by the autosave timer, which must not save over a conflict the user has not settled.
  const conflictRef = useRef(false);
  const setConflict = (value: string | null) => {
    conflictRef.current = value !== null;
    setConflictState(value);
  };
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

  /**
   * Validates and saves; the saved record, or null when something stopped it. Quiet (autosave):
   * a form not yet valid is simply not saved, without marking fields the user has not reached.
   */
  const persistOnce = async ({ version, quiet }: { version?: number; quiet: boolean }) => {
    if (quiet) {
      try {
        await form.validateFields({ validateOnly: true });
      } catch {
        return null;
      }
    } else if (!(await validatedValues(form))) return null;
    // The whole store, not only the fields on screen: data the form does not show (a problem's
    // link to the register, a channel's reach, related records) must survive a save.
    const values = form.getFieldsValue(true) as RecordFormValues;
    if (withAttendance && rowsMissingReason(rows).length) {
      if (quiet) return null;
      onAttendanceErrors();
      void message.error(t('attendance.reasonRequired'));
      return null;
    }
    const title = titleOf(kind, values);
    if (!title) {
      if (quiet) return null;
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
      const id = savedId.current;
      const saved = id
        ? await update.mutateAsync({ id, body: { ...body, version: version ?? baseVersion.current } })
        : await create.mutateAsync({
            ...body,
            campaignId: target.campaignId,
            branchId: target.branchId,
            kind,
          });
      baseVersion.current = saved.version;
      setConflict(null);
      if (!id) {
        savedId.current = saved.id;
        // The address becomes the record's; the editor stays as it is (same key).
        if (mounted.current)
          navigate(recordPath(saved.id), { replace: true, state: { editorKey: target.editorKey } });
      }
      return saved;
    } catch (error) {
      failed(error);
      return null;
    }
  };

  /** One save at a time, in the order asked. */
  const persist = (options: { version?: number; quiet?: boolean } = {}): Promise<RecordDetail | null> => {
    const run = queue.current.then(() => persistOnce({ quiet: false, ...options }));
    queue.current = run.catch(() => null);
    return run;
  };

  const autosave = async () => {
    timer.current = null;
    if (conflictRef.current) return null;
    const saved = await persist({ quiet: true });
    if (saved && mounted.current) setAutoSavedAt(new Date());
    return saved;
  };

  // The timer and the unmount run the latest render's autosave: it holds the latest attendance.
  const latestAutosave = useRef(autosave);
  useEffect(() => {
    latestAutosave.current = autosave;
  });

  /** Any change: save once the user pauses. */
  const touch = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void latestAutosave.current(), AUTOSAVE_DELAY_MS);
  };

  /** A pending autosave runs now (explicit saves go after it). */
  const cancelPending = () => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = null;
  };

  // Leaving the page (下一项, a link) keeps what was typed since the last autosave.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) void latestAutosave.current();
    };
  }, []);

  const explicitly = async <T>(work: () => Promise<T>) => {
    cancelPending();
    setSaving(true);
    try {
      return await work();
    } finally {
      if (mounted.current) setSaving(false);
    }
  };

  const save = (version?: number) =>
    explicitly(async () => {
      const saved = await persist({ version });
      if (saved) void message.success(t('records.saved'));
    });

  const submit = () =>
    explicitly(async () => {
      setIncomplete([]);
      const saved = await persist();
      if (!saved) return;
      try {
        await submitRecord.mutateAsync({ id: saved.id, version: saved.version });
        void message.success(t('records.submitted'));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'RECORD_INCOMPLETE' && Array.isArray(error.details)) {
          // The server names each missing checklist item by its key, with the Chinese label.
          setIncomplete(
            (error.details as { path: string; message: string }[]).map((d) => ({
              key: d.path,
              label: d.message,
            })),
          );
        } else failed(error);
      }
    });

  /** Keep what the user typed and save it over the newer version. */
  const keepMine = async () => {
    if (!savedId.current) return;
    try {
      const latest = await reload(savedId.current);
      baseVersion.current = latest.version;
      await save(latest.version);
    } catch (error) {
      failed(error);
    }
  };

  /** Discard the user's changes and show the newer version. */
  const loadTheirs = async () => {
    if (!savedId.current) return;
    cancelPending();
    try {
      const latest = await reload(savedId.current);
      baseVersion.current = latest.version;
      setConflict(null);
      onReloaded(latest);
      void message.info(t('records.conflictLoaded'));
    } catch (error) {
      failed(error);
    }
  };

  /** The record's id, saving it as a draft first when it is new (an upload needs it). */
  const ensureSaved = async (): Promise<number | null> => {
    if (savedId.current) return savedId.current;
    cancelPending();
    return (await persist())?.id ?? null;
  };

  /** What was typed since the last save, saved now, and any save under way finished (提交本月). */
  const flush = async () => {
    if (timer.current) {
      cancelPending();
      await latestAutosave.current();
    }
    await queue.current;
  };

  return {
    save: () => save(),
    flush,
    /** Saves without a message, for an action that needs the saved version (报分管领导审核). */
    persistNow: () => {
      cancelPending();
      return persist();
    },
    ensureSaved,
    touch,
    autoSavedAt,
    submit,
    keepMine,
    loadTheirs,
    conflict,
    incomplete,
    dismissIncomplete: () => setIncomplete([]),
    busy: saving || submitRecord.isPending,
  };
}
