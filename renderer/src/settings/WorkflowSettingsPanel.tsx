import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { WorkflowSettings } from '../../../shared/api/schemas/admin';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { textFieldProps } from '../common/textFieldProps';
import { useOperationForm } from '../common/useOperationForm';
import { useSession } from '../session/SessionContext';

type Values = Record<keyof WorkflowSettings, string>;
const asText = (s: WorkflowSettings): Values => ({
  idleLockMinutes: String(s.idleLockMinutes),
  followUpsRequired: String(s.followUpsRequired),
  followUpsRequiredForQuality: String(s.followUpsRequiredForQuality),
});
/** A number box left empty is "not a number", which the contract's schema words in Chinese. */
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** 办案设置: the screen lock's idle time and the follow-up visits a case needs before it closes. */
export function WorkflowSettingsPanel() {
  const current = useApiQuery('settings.get', {});
  if (!current.data) return <CenteredMessage loading={!current.error}>{current.error?.message}</CenteredMessage>;
  return <WorkflowSettingsForm initial={current.data} />;
}

function WorkflowSettingsForm({ initial }: { initial: WorkflowSettings }) {
  const { refresh } = useSession();
  const { form, submit, notice, setNotice, busy } = useOperationForm({
    operation: 'settings.update',
    defaults: asText(initial),
    toInput: (v) => ({ idleLockMinutes: num(v.idleLockMinutes), followUpsRequired: num(v.followUpsRequired), followUpsRequiredForQuality: num(v.followUpsRequiredForQuality) }),
    onDone: (saved) => {
      form.reset(asText(saved));
      setNotice({ severity: 'success', text: '已保存。锁屏时间对本机立即生效，其他电脑在重新打开程序后生效。' });
      void refresh();
    },
  });
  const number = { htmlInput: { inputMode: 'numeric' as const } };
  return (
    <Stack component="form" noValidate spacing={2} sx={{ maxWidth: 560 }} onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label="办案设置">
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      <TextField label="无操作自动锁屏（分钟）" slotProps={number} {...textFieldProps(form, 'idleLockMinutes', '0 表示不锁屏；锁屏后须输入本人密码继续，填写的内容不会丢失')} />
      <Typography variant="subtitle2" component="h2">
        回访（结案前须回访的次数）
      </Typography>
      <TextField label="一般案件" slotProps={number} {...textFieldProps(form, 'followUpsRequired')} />
      <TextField label="质量类案件（投诉性质含“质量”）" slotProps={number} {...textFieldProps(form, 'followUpsRequiredForQuality')} />
      <div>
        <Button type="submit" variant="contained" disabled={busy}>
          保存
        </Button>
      </div>
    </Stack>
  );
}
