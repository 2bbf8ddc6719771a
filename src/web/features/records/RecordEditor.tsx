import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Grid, Input, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { actionKindLabels, type ActionKind } from '../../../common/actions';
import type { Person } from '../../../common/api/people';
import type { RecordDetail } from '../../../common/api/records';
import { fetchTemplate, useExpected } from './records.api';
import { useStructure } from '../org/org.api';
import { KindFields } from './KindFields';
import { AttendanceEditor } from './AttendanceEditor';
import { EvidencePanel } from './EvidencePanel';
import { CarriedOver } from './CarriedOver';
import { EditorActions, EditorSide } from './EditorSide';
import { PhoneActionBar } from '../../components/PhoneActionBar';
import { ReturnedNotice } from './ReviewTrail';
import { checklistOf } from '../../../common/checklist';
import { useRecordSave } from './useRecordSave';
import { RevisionPanel } from '../revisions/RevisionPanel';
import {
  attendanceRowsOf,
  defaultDay,
  derivedTitle,
  mergeExpected,
  kindsHeldOnADay,
  kindsWithAttendance,
  kindsWithDerivedTitle,
  newRecordData,
  templateToForm,
  toFormValues,
  type AttendanceRow,
  type RecordFormValues,
} from './recordForm';
import { monthOf, periodLabel } from './labels';
import { requiredChoiceRule } from '../../components/formRules';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

interface Props {
  /** The saved record; absent for a new one. */
  record?: RecordDetail;
  campaignId: number;
  branchId: number;
  branchName: string;
  kind: ActionKind;
  /** The month the user came from (a new record's proposed date). */
  periodKey?: string;
  people: Person[];
  /** Keeps this editor mounted when a new record's address becomes the saved one's. */
  editorKey: string;
  /** The month's progress, held in the phone's bottom bar with the actions. */
  phoneFooter?: ReactNode;
  /** Set to this editor's flush, for the month's 提交本月 outside the form. */
  flushRef?: RefObject<(() => Promise<unknown>) | null>;
}

/** The one-page entry form of a record of any kind, for a new record or a draft/returned one. */
export function RecordEditor({
  record,
  campaignId,
  branchId,
  branchName,
  kind,
  periodKey,
  people,
  editorKey,
  phoneFooter,
  flushRef,
}: Props) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isDesktop = Grid.useBreakpoint().lg ?? false;
  const structure = useStructure();
  const [form] = Form.useForm<RecordFormValues>();
  const [initialValues] = useState<RecordFormValues>(() => {
    if (record) return toFormValues(record);
    const day = defaultDay(periodKey);
    return { occurredOn: day, data: newRecordData(kind, day) };
  });
  /** Fields carried over from last month, marked until the user changes them. */
  const [carried, setCarried] = useState<string[]>([]);
  // What the user marked for each person; the list itself is those the meeting expects.
  const [marks, setMarks] = useState<AttendanceRow[]>(() => (record ? attendanceRowsOf(record) : []));
  const [showAttendanceErrors, setShowAttendanceErrors] = useState(false);
  const [templateBusy, setTemplateBusy] = useState(false);
  const withAttendance = kindsWithAttendance.has(kind);
  const watched = (Form.useWatch('data', form) ?? initialValues.data) as Record<string, unknown>;
  const watchedDay = Form.useWatch('occurredOn', form) ?? initialValues.occurredOn;
  const expected = useExpected(
    {
      branchId,
      kind,
      occurredOn: watchedDay?.format('YYYY-MM-DD'),
      form: kind === 'study' ? (watched.form as string | undefined) : undefined,
      partyGroupId: kind === 'study' ? (watched.partyGroupId as number | null | undefined) : undefined,
    },
    withAttendance,
  );
  const rows = expected.data ? mergeExpected(expected.data.items, marks) : marks;

  const saver = useRecordSave(
    { record, campaignId, branchId, kind, editorKey },
    {
      form,
      rows,
      onAttendanceErrors: () => setShowAttendanceErrors(true),
      onReloaded: (latest) => {
        form.resetFields();
        form.setFieldsValue(toFormValues(latest));
        setMarks(attendanceRowsOf(latest));
      },
    },
  );
  useEffect(() => {
    if (!flushRef) return;
    flushRef.current = saver.flush;
    return () => {
      flushRef.current = null;
    };
  });
  const setRows = (next: AttendanceRow[]) => {
    setMarks(next);
    saver.touch();
  };

  const data = watched;
  const occurredOn = watchedDay;
  // The same checklist as the server's, live: what the form shows over what the record holds
  // (a problem's confirmation, which the form does not show), with the leader's review.
  const checklist = checklistOf(kind, {
    data: { ...record?.data, ...data },
    expected: withAttendance ? rows.length : 0,
    attendance: withAttendance ? rows : [],
    evidenceKinds: (record?.evidence ?? []).map((e) => e.kind),
    leaderStatus: record?.leaderStatus ?? 'none',
  });
  const countsOnOccurred = kind === 'study' || kind === 'theme_day' || kind === 'optional';
  const movedMonth =
    countsOnOccurred && periodKey && occurredOn && monthOf(occurredOn.format('YYYY-MM-DD')) !== periodKey
      ? occurredOn.format('YYYY-MM')
      : null;

  /** Puts last month's repeating fields in; quiet when it is the page doing it on opening. */
  const fromLastMonth = async (quiet = false) => {
    setTemplateBusy(true);
    try {
      const template = await fetchTemplate(branchId, kind);
      if (template.fromRecordId === null) {
        if (!quiet) void message.info(t('records.fromLastMonthNone'));
        return;
      }
      const current = (form.getFieldValue('data') ?? {}) as Record<string, unknown>;
      const filled = templateToForm(kind, template.data);
      form.setFieldsValue({ data: { ...current, ...filled } });
      setCarried(Object.keys(filled));
      if (!quiet) void message.success(t('records.fromLastMonthDone'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setTemplateBusy(false);
    }
  };

  // A new meeting starts from last month's without being asked: the same place, host and recorder
  // are the rule, and what was carried over stays marked until the user changes it.
  useEffect(() => {
    if (record || !kindsWithAttendance.has(kind)) return;
    const timer = setTimeout(() => void fromLastMonth(true), 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when a new record opens
  }, []);

  const derived = derivedTitle(kind, data);
  return (
    <div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <div
                style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}
              >
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {pick(actionKindLabels[kind])}
                </Tag>
                <Typography.Title level={4} style={{ margin: 0, flex: '1 1 200px' }}>
                  {record ? record.title : t('records.new', { kind: pick(actionKindLabels[kind]) })}
                </Typography.Title>
                <Button loading={templateBusy} onClick={() => void fromLastMonth()}>
                  {t('records.fromLastMonth')}
                </Button>
              </div>
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                {branchName}
                {periodKey && ` · ${periodLabel(periodKey, lang)}`}
              </Typography.Paragraph>
              {record && <ReturnedNotice record={record} />}
              <CarriedOver kind={kind} fields={carried} />
              <Form<RecordFormValues>
                form={form}
                layout="vertical"
                initialValues={initialValues}
                onValuesChange={(changed: Partial<RecordFormValues>) => {
                  const touched = Object.keys(changed.data ?? {});
                  if (touched.length) setCarried((c) => c.filter((f) => !touched.includes(f)));
                  saver.touch();
                }}
              >
                <Row gutter={16}>
                  <Col xs={24} md={kindsHeldOnADay.has(kind) ? 16 : 24}>
                    <Form.Item
                      name="title"
                      label={t('field.title')}
                      required={!kindsWithDerivedTitle.has(kind)}
                      extra={kindsWithDerivedTitle.has(kind) ? t('field.titleDerived') : undefined}
                    >
                      <Input maxLength={200} placeholder={derived || undefined} />
                    </Form.Item>
                  </Col>
                  {/* Problems, revisions and publicity ask for the dates they mean in their own
                      fields; the record's own date then stays the day it was recorded, out of sight
                      (by style: the hidden attribute alone left it on screen). */}
                  <Col xs={24} md={8} style={kindsHeldOnADay.has(kind) ? undefined : { display: 'none' }}>
                    <Form.Item
                      name="occurredOn"
                      label={t('field.occurredOn')}
                      rules={[requiredChoiceRule(t, t('field.occurredOn'))]}
                      extra={
                        movedMonth
                          ? t('records.outsidePeriod', { period: periodLabel(movedMonth, lang) })
                          : undefined
                      }
                    >
                      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                    </Form.Item>
                  </Col>
                </Row>
                <KindFields kind={kind} people={people} structure={structure.data} branchId={branchId} />
              </Form>
            </Card>
            {withAttendance && (
              <Card title={t('attendance.title')} size="small">
                <AttendanceEditor rows={rows} onChange={setRows} showErrors={showAttendanceErrors} />
              </Card>
            )}
            <Card title={t('evidence.title')} size="small">
              <EvidencePanel
                recordId={record?.id ?? null}
                ensureRecord={saver.ensureSaved}
                kind={kind}
                items={record?.evidence ?? []}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <EditorSide
            checklist={checklist}
            record={record}
            saver={saver}
            sticky={isDesktop}
            extra={
              record && kind === 'rule_revision' ? (
                <RevisionPanel record={record} beforeSend={saver.persistNow} />
              ) : undefined
            }
          />
        </Col>
      </Row>
      {!isDesktop && (
        // On a phone the buttons stay at hand at the bottom of the screen while scrolling the form.
        <PhoneActionBar>
          <EditorActions record={record} saver={saver} checklist={checklist} />
          {phoneFooter}
        </PhoneActionBar>
      )}
    </div>
  );
}
