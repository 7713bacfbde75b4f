import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Controller } from 'react-hook-form';
import { officeTimeZones, type OfficeSettingsView } from '../../../shared/api/schemas/officeSettings';
import { noticeNumber, noticeTitle, noticeTypes, type NoticeType } from '../../../shared/notices/types';
import { SelectField } from '../common/SelectField';
import { textFieldProps } from '../common/textFieldProps';
import { SealField } from './SealField';
import { SettingsSectionCard, useSectionForm, type Saved } from './useSectionForm';

interface Props {
  view: OfficeSettingsView;
  onSaved: (saved: Saved) => void;
}

const officeForm = (v: OfficeSettingsView) => ({
  name: v.office.name,
  issuer: v.office.issuer,
  address: v.office.address,
  phone: v.office.phone,
  timeZone: v.office.timeZone,
  bodyFontPath: v.office.bodyFontPath ?? '',
  confirmOpenDeadlines: false,
});

/** 本单位: what every notice prints about the office, its seal and body font, and its clock's zone. */
export function OfficeSection({ view, onSaved, onSealChanged }: Props & { onSealChanged: () => void }) {
  const { form, submit, notice, busy } = useSectionForm({
    section: 'office',
    defaults: officeForm(view),
    fromView: officeForm,
    toValues: ({ confirmOpenDeadlines: _c, bodyFontPath, ...v }) => ({ ...v, bodyFontPath: bodyFontPath.trim() ? bodyFontPath.trim() : null }),
    extra: (v) => (v.confirmOpenDeadlines ? { confirmOpenDeadlines: true } : {}),
    onSaved,
    savedText: (s) => (s.office.bodyFont ? `正文字体：${s.office.bodyFont.family}（${s.office.bodyFont.glyphs} 个字形）` : ''),
  });
  const zone = form.watch('timeZone');
  const zones = officeTimeZones.some((z) => z.zone === view.office.timeZone)
    ? officeTimeZones.map((z) => ({ value: z.zone, label: z.label }))
    : [{ value: view.office.timeZone, label: view.office.timeZone }, ...officeTimeZones.map((z) => ({ value: z.zone, label: z.label }))];
  const zoneChanged = zone !== view.office.timeZone;

  return (
    <SettingsSectionCard title="本单位" hint="印在每份文书上的单位信息；本单位的“今天”按这里的时区计算。" notice={notice} busy={busy} onSubmit={() => void submit()}>
      <Grid container spacing={1.5}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="单位名称" required fullWidth {...textFieldProps(form, 'name', '印在文书顶端（红色）')} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="落款名称" required fullWidth {...textFieldProps(form, 'issuer', '印在成文日期之上，加盖印章处')} />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <TextField label="地址" fullWidth {...textFieldProps(form, 'address')} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <TextField label="联系电话" fullWidth {...textFieldProps(form, 'phone')} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <SelectField control={form.control} name="timeZone" label="时区" options={zones} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="正文字体文件（可选）"
            fullWidth
            {...textFieldProps(form, 'bodyFontPath', '已获授权的仿宋 TrueType 字体的完整路径，如 C:\\Windows\\Fonts\\simfang.ttf；留空则用随程序提供的思源宋体')}
          />
        </Grid>
      </Grid>
      {zoneChanged && view.openDeadlines > 0 && (
        <Alert severity="warning">
          还有 {view.openDeadlines} 个未到期的期限。改变时区后，“今天”和是否逾期按新时区计算，临近午夜时可能相差一天；已记录的日期、时间和各期限的到期日不变。法定期限按北京时间计算，除非确有需要，请保持北京时间。
          <Controller
            control={form.control}
            name="confirmOpenDeadlines"
            render={({ field }) => (
              <FormControlLabel
                sx={{ display: 'flex', mt: 0.5 }}
                control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} slotProps={{ input: { ref: field.ref } }} />}
                label="我已知晓，仍要修改时区"
              />
            )}
          />
        </Alert>
      )}
      <SealField seal={view.office.seal} onChanged={onSealChanged} />
    </SettingsSectionCard>
  );
}

const numberingForm = (v: OfficeSettingsView) => ({
  caseNoPrefix: v.numbering.caseNoPrefix,
  noticePrefix: v.numbering.noticePrefix,
  noticeMarks: { ...v.numbering.noticeMarks },
});

/** 编号: the case number's prefix (from the next case on) and the notices' 文号 prefix and marks. */
export function NumberingSection({ view, onSaved }: Props) {
  const { form, submit, notice, busy } = useSectionForm({
    section: 'numbering',
    defaults: numberingForm(view),
    fromView: numberingForm,
    toValues: (v) => v,
    onSaved,
    savedText: (s) => `下一件案件的编号为 ${s.nextCaseNo}；已登记的案件编号不变。`,
  });
  const year = Number(view.nextCaseNo.match(/(\d{4})-\d+$/)?.[1] ?? 2026);
  const prefix = form.watch('noticePrefix');
  const marks = form.watch('noticeMarks');
  const caseNo = form.register('caseNoPrefix');
  return (
    <SettingsSectionCard title="编号" hint="案件编号与文书文号。改前缀只影响以后登记的案件和签发的文书，已有的编号永不改变。" notice={notice} busy={busy} onSubmit={() => void submit()}>
      <Grid container spacing={1.5}>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField
            label="案件编号前缀"
            required
            fullWidth
            {...textFieldProps(form, 'caseNoPrefix', `大写字母或汉字，最多6个字；下一件案件：${view.nextCaseNo}`)}
            onChange={(e) => {
              e.target.value = e.target.value.toUpperCase();
              void caseNo.onChange(e);
            }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <TextField label="文号前缀" required fullWidth {...textFieldProps(form, 'noticePrefix', '如 杭消协；各类文书按年分别编号')} />
        </Grid>
      </Grid>
      <Typography variant="body2" color="text.secondary">
        各类文书的类型字（文号示例在框下）
      </Typography>
      <Grid container spacing={1.5}>
        {noticeTypes.map((t: NoticeType) => {
          const field = textFieldProps(form, `noticeMarks.${t}`);
          return (
            <Grid key={t} size={{ xs: 6, md: 4 }}>
              <TextField label={noticeTitle[t]} fullWidth {...field} helperText={field.error ? field.helperText : noticeNumber({ prefix, mark: marks[t] ?? '', year }, 1)} />
            </Grid>
          );
        })}
      </Grid>
    </SettingsSectionCard>
  );
}
