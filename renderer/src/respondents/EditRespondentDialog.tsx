import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useApi } from '../api/ApiContext';
import { FormDialog } from '../common/FormDialog';
import type { RespondentDetail } from './RespondentPage';

type Field = 'name' | 'creditCode' | 'address' | 'contactPerson' | 'phone';
const FIELDS: { key: Field; label: string; max: number; required?: boolean }[] = [
  { key: 'name', label: '名称', max: 100, required: true },
  { key: 'creditCode', label: '统一社会信用代码', max: 18 },
  { key: 'address', label: '地址', max: 200 },
  { key: 'contactPerson', label: '联系人', max: 50 },
  { key: 'phone', label: '联系电话', max: 30 },
];

/**
 * 修改被投诉方信息 (supervisors and administrators). The core checks the credit code and refuses one
 * another row has, suggesting a merge; it re-indexes the business's cases so search follows the name.
 */
export function EditRespondentDialog({ r, onClose, onDone }: { r: RespondentDetail; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const [values, setValues] = useState<Record<Field, string>>({
    name: r.name,
    creditCode: r.creditCode ?? '',
    address: r.address ?? '',
    contactPerson: r.contactPerson ?? '',
    phone: r.phone ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setNotice(null);
    if (!values.name.trim()) return setErrors({ name: '请填写名称' });
    setBusy(true);
    const result = await api.call('respondents.update', { id: r.id, version: r.version, ...values });
    setBusy(false);
    if (result.ok) return onDone();
    setErrors((result.error.fields ?? {}) as Partial<Record<Field, string>>);
    setNotice(result.error.message);
  };
  return (
    <FormDialog title={`修改被投诉方信息：${r.name}`} onClose={onClose} onSubmit={() => void submit()} submitLabel="保存" busy={busy}>
      {notice && <Alert severity="error">{notice}</Alert>}
      {FIELDS.map((f, i) => (
        <TextField
          key={f.key}
          label={f.label}
          required={f.required}
          autoFocus={i === 0}
          value={values[f.key]}
          onChange={(e) => {
            setValues({ ...values, [f.key]: e.target.value });
            setErrors({ ...errors, [f.key]: undefined });
          }}
          error={!!errors[f.key]}
          helperText={errors[f.key] ?? (f.key === 'name' ? '改名后，该被投诉方的案件按新名称检索' : ' ')}
          slotProps={{ htmlInput: { maxLength: f.max } }}
        />
      ))}
    </FormDialog>
  );
}
