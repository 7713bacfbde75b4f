import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { REPEAT_WINDOW_MAX_DAYS, retentionPeriods, type OfficeSettingsView } from '../../../shared/api/schemas/officeSettings';
import { SelectField } from '../common/SelectField';
import { textFieldProps } from '../common/textFieldProps';
import { useSession } from '../session/SessionContext';
import { num, SettingsSectionCard, useSectionForm, type Saved } from './useSectionForm';

interface Props {
  view: OfficeSettingsView;
  onSaved: (saved: Saved) => void;
}

const numeric = { htmlInput: { inputMode: 'numeric' as const } };
const unit = (text: string) => ({ ...numeric, input: { endAdornment: <InputAdornment position="end">{text}</InputAdornment> } });

const intakeForm = (v: OfficeSettingsView) => ({ repeatWindowDays: String(v.intake.repeatWindowDays) });

/** 登记: how far back the counter looks for a repeat complaint (domain.md [L]; 统计's repeat count uses it too). */
export function IntakeSection({ view, onSaved }: Props) {
  const { form, submit, notice, busy } = useSectionForm({
    section: 'intake',
    defaults: intakeForm(view),
    fromView: intakeForm,
    toValues: (v) => ({ repeatWindowDays: num(v.repeatWindowDays) }),
    onSaved,
    savedText: (s) => `登记时提示 ${s.intake.repeatWindowDays} 天内同一投诉人对同一经营者的投诉。`,
  });
  return (
    <SettingsSectionCard title="登记" notice={notice} busy={busy} onSubmit={() => void submit()}>
      <TextField
        label="重复投诉判断期限"
        slotProps={unit('天')}
        sx={{ maxWidth: 320 }}
        {...textFieldProps(form, 'repeatWindowDays', `1–${REPEAT_WINDOW_MAX_DAYS} 天：同一投诉人在此期限内对同一经营者再次投诉，登记时提示并计为重复投诉`)}
      />
    </SettingsSectionCard>
  );
}

const workflowForm = (v: OfficeSettingsView) => ({
  idleLockMinutes: String(v.workflow.idleLockMinutes),
  followUpsRequired: String(v.workflow.followUpsRequired),
  followUpsRequiredForQuality: String(v.workflow.followUpsRequiredForQuality),
});

/** 办案: the screen lock's idle time and the follow-up visits a case needs before it closes. */
export function WorkflowSection({ view, onSaved }: Props) {
  const { refresh } = useSession();
  const { form, submit, notice, busy } = useSectionForm({
    section: 'workflow',
    defaults: workflowForm(view),
    fromView: workflowForm,
    toValues: (v) => ({ idleLockMinutes: num(v.idleLockMinutes), followUpsRequired: num(v.followUpsRequired), followUpsRequiredForQuality: num(v.followUpsRequiredForQuality) }),
    onSaved: (saved) => {
      onSaved(saved);
      void refresh();
    },
    savedText: () => '锁屏时间对本机立即生效，其他电脑在重新打开程序后生效。',
  });
  return (
    <SettingsSectionCard title="办案" notice={notice} busy={busy} onSubmit={() => void submit()}>
      <TextField label="无操作自动锁屏（分钟）" slotProps={numeric} {...textFieldProps(form, 'idleLockMinutes', '0 表示不锁屏；锁屏后须输入本人密码继续，填写的内容不会丢失')} />
      <Stack direction="row" spacing={1.5}>
        <TextField label="结案前回访次数：一般案件" slotProps={numeric} fullWidth {...textFieldProps(form, 'followUpsRequired')} />
        <TextField label="结案前回访次数：质量类案件" slotProps={numeric} fullWidth {...textFieldProps(form, 'followUpsRequiredForQuality', '投诉性质含“质量”')} />
      </Stack>
    </SettingsSectionCard>
  );
}

const GB = 1024 ** 3;
const evidenceForm = (v: OfficeSettingsView) => ({ maxGb: String(Math.round((v.evidence.maxBytes / GB) * 100) / 100) });

/** 证据: the largest single file the desk accepts (default 8 GB: phone videos run to several GB). */
export function EvidenceSection({ view, onSaved }: Props) {
  const { form, submit, notice, busy } = useSectionForm({
    section: 'evidence',
    defaults: evidenceForm(view),
    fromView: evidenceForm,
    toValues: (v, problems) => {
      const gb = num(v.maxGb);
      if (!Number.isFinite(gb) || gb <= 0) problems.maxGb = '请填写大于 0 的数字，单位 GB，如 8';
      return { maxBytes: Math.round(gb * GB) };
    },
    onSaved,
  });
  return (
    <SettingsSectionCard title="证据" notice={notice} busy={busy} onSubmit={() => void submit()}>
      <TextField
        label="单个证据文件大小上限"
        sx={{ maxWidth: 320 }}
        slotProps={{ ...unit('GB'), htmlInput: { inputMode: 'decimal' } }}
        {...textFieldProps(form, 'maxGb', '超过上限的文件在复制前即被拒绝')}
      />
    </SettingsSectionCard>
  );
}

const archiveForm = (v: OfficeSettingsView) => ({ retention: v.archive.retention as string });

/** 归档: the 保管期限 printed on the 卷宗 cover of cases archived from now on. */
export function ArchiveSection({ view, onSaved }: Props) {
  const { form, submit, notice, busy } = useSectionForm({
    section: 'archive',
    defaults: archiveForm(view),
    fromView: archiveForm,
    toValues: (v) => ({ retention: v.retention }),
    onSaved,
  });
  return (
    <SettingsSectionCard title="归档" hint="印在卷宗封面上的保管期限。" notice={notice} busy={busy} onSubmit={() => void submit()}>
      <Stack sx={{ maxWidth: 320 }}>
        <SelectField control={form.control} name="retention" label="保管期限" options={retentionPeriods.map((p) => ({ value: p, label: p }))} />
      </Stack>
    </SettingsSectionCard>
  );
}
