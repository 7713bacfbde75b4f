import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { OutputOf } from '../../../shared/api/contract';
import { dateOf } from '../common/formValues';
import { FormDialog } from '../common/FormDialog';
import { PickerField } from '../common/PickerField';
import { textFieldProps } from '../common/textFieldProps';
import { useOperationForm } from '../common/useOperationForm';
import { daysOf, runsOf, type HolidayRow } from './calendarRows';

type Year = OutputOf<'calendar.get'>['years'][number];

interface Props {
  year: number;
  existing: Year | null;
  onClose: () => void;
  onSaved: (recomputed: number) => void;
}

/** Where the core's complaint about a day of the list shows: under the row the day came from. */
function rowPath(apiPath: string, rowOfDay: number[]): string {
  const m = /^(holidays|workdays)\.(\d+)(?:\.(\w+))?$/.exec(apiPath);
  if (!m) return apiPath;
  if (m[1] === 'workdays') return `workdays.${m[2]}.day`;
  return `holidays.${rowOfDay[Number(m[2])] ?? 0}.${m[3] === 'name' ? 'name' : 'from'}`;
}

/** 录入 a year's holidays as the notice lists them: runs of days by name, and the 调休 Saturdays and Sundays. */
export function CalendarYearDialog({ year, existing, onClose, onSaved }: Props) {
  const rowOfDay = useRef<number[]>([]);
  const { form, submit, notice, busy } = useOperationForm({
    operation: 'calendar.saveYear',
    defaults: {
      source: existing?.source ?? `国务院办公厅关于${year}年部分节假日安排的通知`,
      holidays: existing ? runsOf(existing.holidays) : [{ name: '元旦', from: '', to: '' } as HolidayRow],
      workdays: (existing?.workdays ?? []).map((day) => ({ day })),
    },
    toInput: (v, problems) => {
      const rows = v.holidays.map((r, i) => ({
        name: r.name,
        from: dateOf(r.from, `holidays.${i}.from`, '开始日期', problems, true) ?? '',
        to: dateOf(r.to, `holidays.${i}.to`, '结束日期', problems) ?? '',
      }));
      const { days, rowOfDay: rows2 } = daysOf(rows, problems);
      rowOfDay.current = rows2;
      const workdays = v.workdays.map((w, i) => dateOf(w.day, `workdays.${i}.day`, '调休上班日', problems, true) ?? '');
      return { year, source: v.source, holidays: days, workdays };
    },
    formPath: (p) => rowPath(p, rowOfDay.current),
    onDone: (r) => onSaved(r.recomputed),
  });
  const holidays = useFieldArray({ control: form.control, name: 'holidays' });
  const workdays = useFieldArray({ control: form.control, name: 'workdays' });
  const listError = form.formState.errors.holidays?.message;

  return (
    <FormDialog title={existing ? `修改 ${year} 年节假日` : `录入 ${year} 年节假日`} onClose={onClose} onSubmit={() => void submit()} submitLabel="保存" busy={busy} maxWidth="md">
      <Typography variant="body2" color="text.secondary">
        按国务院办公厅发布的放假安排逐项填写：每段假期一行（只放一天的，结束日期留空）；调休上班的周六、周日另行列出。保存后，计算到该年的期限自动重算。
      </Typography>
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      <TextField label="依据" required {...textFieldProps(form, 'source')} />
      <Typography variant="subtitle2" component="h3">
        法定节假日
      </Typography>
      {holidays.fields.map((f, i) => (
        <Stack key={f.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField label="节日" required sx={{ width: 160 }} {...textFieldProps(form, `holidays.${i}.name`)} />
          <PickerField form={form} name={`holidays.${i}.from`} label="开始日期" kind="date" required minDate={`${year}-01-01`} maxDate={`${year}-12-31`} />
          <PickerField form={form} name={`holidays.${i}.to`} label="结束日期" kind="date" minDate={`${year}-01-01`} maxDate={`${year}-12-31`} />
          <IconButton aria-label={`删除第 ${i + 1} 段假期`} onClick={() => holidays.remove(i)} disabled={holidays.fields.length === 1}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      {listError && <FormHelperText error>{listError}</FormHelperText>}
      <div>
        <Button startIcon={<AddIcon />} onClick={() => holidays.append({ name: '', from: '', to: '' })}>
          添加一段假期
        </Button>
      </div>
      <Typography variant="subtitle2" component="h3">
        调休上班日
      </Typography>
      {workdays.fields.map((f, i) => (
        <Stack key={f.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start', maxWidth: 360 }}>
          <PickerField form={form} name={`workdays.${i}.day`} label="上班日期" kind="date" required minDate={`${year}-01-01`} maxDate={`${year}-12-31`} />
          <IconButton aria-label={`删除第 ${i + 1} 个调休上班日`} onClick={() => workdays.remove(i)}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <div>
        <Button startIcon={<AddIcon />} onClick={() => workdays.append({ day: '' })}>
          添加调休上班日
        </Button>
      </div>
    </FormDialog>
  );
}
