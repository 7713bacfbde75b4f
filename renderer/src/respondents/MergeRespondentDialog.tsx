import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { RespondentListRow } from '../../../shared/api/schemas/respondents';
import { useApi } from '../api/ApiContext';
import { isUnreachable } from '../api/client';
import { useRequestId } from '../api/requestId';
import { FormDialog } from '../common/FormDialog';
import { useDebouncedValue } from '../common/useDebouncedValue';
import type { RespondentDetail } from './RespondentPage';

const UNREACHABLE = '无法连接到本机服务，不知道这次合并是否已完成。请确认程序仍在运行后再点“确认合并”：已合并的不会重复合并';

/**
 * 合并到… (administrators): the row that stays is picked by search, the reason typed; a second step
 * says how many cases move before anything changes. Afterwards the page of the row that stays opens.
 */
export function MergeRespondentDialog({ from, onClose, onDone }: { from: RespondentDetail; onClose: () => void; onDone: (into: number) => void }) {
  const api = useApi();
  const { requestId } = useRequestId();
  const [typed, setTyped] = useState('');
  const text = useDebouncedValue(typed.trim(), 250);
  const [options, setOptions] = useState<RespondentListRow[]>([]);
  const [into, setInto] = useState<RespondentListRow | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ into?: string; reason?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!text) return setOptions([]);
    let current = true;
    void api.call('respondents.list', { text, sort: 'cases', pageSize: 10 }).then((r) => {
      if (current) setOptions(r.ok ? r.value.rows.filter((o) => o.id !== from.id) : []);
    });
    return () => {
      current = false;
    };
  }, [api, text, from.id]);

  const next = () => {
    const problems = { ...(into ? {} : { into: '请搜索并选择要保留的被投诉方' }), ...(reason.trim() ? {} : { reason: '请填写合并原因' }) };
    setErrors(problems);
    if (Object.keys(problems).length === 0) setConfirming(true);
  };
  const merge = async () => {
    if (!into) return;
    setBusy(true);
    setNotice(null);
    const result = await api.call('respondents.merge', { from: from.id, into: into.id, reason: reason.trim(), requestId });
    setBusy(false);
    if (result.ok) return onDone(result.value.into);
    setNotice(isUnreachable(result) ? UNREACHABLE : result.error.message);
  };

  if (confirming && into) {
    return (
      <FormDialog key="confirm" title="确认合并" onClose={() => setConfirming(false)} onSubmit={() => void merge()} submitLabel="确认合并" busy={busy} danger confirmFirst>
        {notice && <Alert severity="error">{notice}</Alert>}
        <Typography data-testid="merge-summary">
          将把“<b>{from.name}</b>”名下的 <b>{from.cases}</b> 件案件移到“<b>{into.name}</b>”名下（已作废的案件也一并移动），两条记录合并为一条。
        </Typography>
        <Typography variant="body2" color="text.secondary">
          每件案件的时间线记下这次合并；“{from.name}”这条记录保留并标为已合并，不再出现在列表和登记时的查找中。合并不能撤销，请核对后确认。
        </Typography>
        <Typography variant="body2">合并原因：{reason.trim()}</Typography>
      </FormDialog>
    );
  }
  return (
    <FormDialog title={`合并到…：${from.name}`} onClose={onClose} onSubmit={next} submitLabel="下一步" busy={false}>
      <Typography variant="body2" color="text.secondary">
        “{from.name}”与另一条记录是同一家经营者时，把它合并到要保留的那一条：案件都移过去，合并留有记录。
      </Typography>
      <Autocomplete
        options={options}
        value={into}
        onChange={(_e, v) => {
          setInto(v);
          setErrors({ ...errors, into: undefined });
        }}
        inputValue={typed}
        onInputChange={(_e, v) => setTyped(v)}
        filterOptions={(o) => o}
        getOptionLabel={(o) => o.name}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        noOptionsText={typed.trim() ? '没有找到，请换个名称或信用代码' : '输入名称或统一社会信用代码查找'}
        renderOption={({ key, ...props }, o) => (
          <Box component="li" key={key} {...props}>
            <span>
              {o.name}
              <Box component="span" sx={{ display: 'block', fontSize: 12, color: 'text.secondary' }}>
                {[o.creditCode, `${o.cases} 件投诉`, o.address].filter(Boolean).join(' · ')}
              </Box>
            </span>
          </Box>
        )}
        renderInput={(params) => (
          <TextField {...params} autoFocus required label="保留的被投诉方（合并目标）" error={!!errors.into} helperText={errors.into ?? '输入名称的一部分或信用代码，↓ 选择'} />
        )}
      />
      <TextField
        label="合并原因"
        required
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setErrors({ ...errors, reason: undefined });
        }}
        error={!!errors.reason}
        helperText={errors.reason ?? '如：同一经营者，登记时名称写法不同'}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
    </FormDialog>
  );
}
