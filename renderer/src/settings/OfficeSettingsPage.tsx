import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { OfficeProfile } from '../../../shared/api/schemas/office';
import { noticeNumber, noticeTitle, noticeTypes, type NoticeType } from '../../../shared/notices/types';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { SealField } from './SealField';

type Form = Pick<OfficeProfile, 'name' | 'address' | 'phone' | 'issuer' | 'numberPrefix' | 'numberMarks'> & { bodyFontPath: string };

const formOf = (o: OfficeProfile): Form => ({
  name: o.name,
  address: o.address,
  phone: o.phone,
  issuer: o.issuer,
  numberPrefix: o.numberPrefix,
  numberMarks: o.numberMarks,
  bodyFontPath: o.bodyFont?.path ?? '',
});

/** 设置 › 单位与文书 (admin): what every notice prints about the office, its numbering, seal and body font. */
export function OfficeSettingsPage() {
  const api = useApi();
  const office = useApiQuery('office.get', {});
  const today = useApiQuery('clock.today', {});
  const [form, setForm] = useState<Form | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (office.data) setForm((f) => f ?? formOf(office.data!));
  }, [office.data]);

  if (!office.data || !form) return <CenteredMessage loading={!office.error}>{office.error?.message}</CenteredMessage>;
  const year = Number((today.data?.today ?? '2026').slice(0, 4));
  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const text = (key: keyof Omit<Form, 'numberMarks'>, label: string, extra: { required?: boolean; helperText?: string } = {}) => (
    <TextField label={label} value={form[key]} required={extra.required} onChange={(e) => set({ [key]: e.target.value })} error={!!fields[key]} helperText={fields[key] ?? extra.helperText} />
  );

  const save = async () => {
    setSaving(true);
    setMessage(null);
    const { bodyFontPath, ...rest } = form;
    const r = await api.call('office.update', { ...rest, bodyFontPath: bodyFontPath.trim() ? bodyFontPath.trim() : null });
    setSaving(false);
    if (r.ok) {
      setFields({});
      setForm(formOf(r.value));
      office.reload();
      setMessage({ ok: true, text: r.value.bodyFont ? `已保存。正文字体：${r.value.bodyFont.family}（${r.value.bodyFont.glyphs} 个字形）` : '已保存' });
    } else {
      setFields(r.error.fields ?? {});
      setMessage({ ok: false, text: r.error.message });
    }
  };

  return (
    <Stack spacing={2} component="form" noValidate aria-label="单位与文书" onSubmit={(e) => (e.preventDefault(), void save())}>
      {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          本单位
        </Typography>
        <Grid container spacing={1.5}>
          <Grid size={{ xs: 12, md: 6 }}>{text('name', '单位名称', { required: true, helperText: '印在文书顶端（红色）' })}</Grid>
          <Grid size={{ xs: 12, md: 6 }}>{text('issuer', '落款名称', { required: true, helperText: '印在成文日期之上，加盖印章处' })}</Grid>
          <Grid size={{ xs: 12, md: 8 }}>{text('address', '地址')}</Grid>
          <Grid size={{ xs: 12, md: 4 }}>{text('phone', '联系电话')}</Grid>
        </Grid>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          文号
        </Typography>
        <Grid container spacing={1.5}>
          <Grid size={{ xs: 12, md: 4 }}>{text('numberPrefix', '文号前缀', { required: true, helperText: '如 杭消协；各类文书按年分别编号' })}</Grid>
          {noticeTypes.map((t: NoticeType) => (
            <Grid key={t} size={{ xs: 6, md: 2 }}>
              <TextField
                label={noticeTitle[t]}
                value={form.numberMarks[t]}
                onChange={(e) => set({ numberMarks: { ...form.numberMarks, [t]: e.target.value } })}
                error={!!fields[`numberMarks.${t}`]}
                helperText={fields[`numberMarks.${t}`] ?? noticeNumber({ prefix: form.numberPrefix, mark: form.numberMarks[t], year }, 1)}
              />
            </Grid>
          ))}
        </Grid>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          印章与字体
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 5 }}>
            <SealField seal={office.data.seal} onChanged={office.reload} />
          </Grid>
          <Grid size={{ xs: 12, md: 7 }}>
            {text('bodyFontPath', '正文字体文件（可选）', {
              helperText: '本单位已获授权的仿宋 TrueType 字体的完整路径，如 C:\\Windows\\Fonts\\simfang.ttf；留空则使用随程序提供的思源宋体（Noto Serif SC）',
            })}
          </Grid>
        </Grid>
      </Paper>
      <div>
        <Button type="submit" variant="contained" disabled={saving}>
          {saving ? '正在保存…' : '保存'}
        </Button>
      </div>
    </Stack>
  );
}
