import {
  App,
  Alert,
  Button,
  Checkbox,
  Col,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Space,
  Switch,
} from 'antd';
import dayjs from 'dayjs';
import { actionKindDefaultTitles, actionKinds, type ActionKind } from '../../../common/actions';
import {
  defaultScoring,
  type ActionKindConfig,
  type Campaign,
  type ScoringRules,
} from '../../../common/api/campaigns';
import { useCreateCampaign, useUpdateCampaign, type CampaignInput } from './campaigns.api';
import { useStructure } from '../org/org.api';
import { ActionKindsEditor } from './ActionKindsEditor';
import { useSessionUser } from '../auth/auth.api';
import { campaignBranchScope } from '../../../common/policies/campaigns';
import { CampaignBranchesField } from './CampaignBranchesField';
import { ScoringFields } from './ScoringFields';
import { applyFieldErrors, validatedValues } from '../../components/formErrors';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useErrorText } from '../../components/useErrorText';
import { useI18n } from '../../app/i18n/useI18n';

interface Values {
  name: string;
  year: number;
  months: number[];
  watchwords?: string;
  branchIds: number[];
  actionKinds: ActionKindConfig[];
  optionalBonusCap: number;
  branchesSeeRanking: boolean;
  scoring: ScoringRules;
}

/** The article's "五个一": five required actions a month, 20 points each, plus optional ones. */
const defaultKinds = (): ActionKindConfig[] =>
  actionKinds.map((kind) => ({
    kind,
    title: actionKindDefaultTitles[kind],
    required: kind !== 'optional',
    requiredCount: 1,
    period: 'month',
    graceDays: 5,
    points: kind === 'optional' ? 2 : 20,
  }));

function initialValues(campaign: Campaign | undefined, branchIds: number[]): Values {
  if (campaign) {
    return {
      ...campaign,
      watchwords: campaign.watchwords ?? '',
      actionKinds: campaign.actionKinds.map(({ id: _id, ...k }) => k),
    };
  }
  const year = dayjs().year();
  return {
    name: `${year}年“五个一”对标活动`,
    year,
    months: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    watchwords: '',
    branchIds,
    actionKinds: defaultKinds(),
    optionalBonusCap: 10,
    branchesSeeRanking: false,
    scoring: defaultScoring,
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Create or edit a campaign. A closed one is never edited; a running one keeps its year and kinds. */
export function CampaignDrawer({ campaign, onClose }: { campaign?: Campaign; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isPhone = !(Grid.useBreakpoint().sm ?? true);
  const structure = useStructure();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const running = campaign?.status === 'active';
  // A company's committee picks among its own company's branches.
  const scope = campaignBranchScope(useSessionUser());
  const branches = (structure.data?.branches ?? []).filter(
    (b) => (b.active || campaign?.branchIds.includes(b.id)) && (scope === 'all' || scope.includes(b.id)),
  );
  const companies = (structure.data?.companies ?? []).filter((c) =>
    branches.some((b) => b.companyId === c.id),
  );
  const locked = new Set<ActionKind>(running ? campaign.actionKinds.map((k) => k.kind) : []);

  const save = async () => {
    const values = await validatedValues(form);
    if (!values) return;
    const body: CampaignInput = { ...values, watchwords: values.watchwords ?? '' };
    try {
      if (campaign) {
        const { year, ...rest } = body;
        await update.mutateAsync({ id: campaign.id, patch: running ? rest : { ...rest, year } });
      } else await create.mutateAsync(body);
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      void message.error(errorText(error));
    }
  };

  return (
    <Drawer
      open
      title={campaign ? t('campaigns.edit') : t('campaigns.new')}
      size={isPhone ? '100%' : 880}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {structure.data && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues(
            campaign,
            branches.filter((b) => b.active).map((b) => b.id),
          )}
        >
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                name="name"
                label={t('campaigns.name')}
                rules={[requiredRule(t, t('campaigns.name'))]}
              >
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="year"
                label={t('campaigns.year')}
                rules={[requiredChoiceRule(t, t('campaigns.year'))]}
              >
                <InputNumber
                  min={2000}
                  max={2100}
                  precision={0}
                  disabled={running}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="watchwords" label={t('campaigns.watchwords')}>
            <Input maxLength={100} placeholder={t('campaigns.watchwordsHint')} />
          </Form.Item>
          <Form.Item
            name="months"
            label={t('campaigns.months')}
            rules={[requiredChoiceRule(t, t('campaigns.months'))]}
          >
            <Checkbox.Group
              options={MONTHS.map((m) => ({ value: m, label: t('campaigns.monthN', { month: m }) }))}
            />
          </Form.Item>
          <Form.Item
            name="branchIds"
            label={t('campaigns.branches')}
            rules={[requiredChoiceRule(t, t('campaigns.branches'))]}
          >
            <CampaignBranchesField companies={companies} branches={branches} />
          </Form.Item>
          <Form.Item label={t('campaigns.kinds')} required>
            {running && (
              <Alert type="info" showIcon title={t('campaigns.kindsRunning')} style={{ marginBottom: 8 }} />
            )}
            <ActionKindsEditor locked={locked} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="optionalBonusCap" label={t('campaigns.optionalBonusCap')}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="branchesSeeRanking"
                label={t('campaigns.branchesSeeRanking')}
                valuePropName="checked"
                extra={t('campaigns.branchesSeeRankingHint')}
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('campaigns.scoring')} style={{ marginBottom: 0 }}>
            <ScoringFields />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
