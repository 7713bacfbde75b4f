import AddCommentIcon from '@mui/icons-material/AddComment';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Catalog } from '../../../shared/api/schemas/catalog';
import { useRequestId } from '../api/requestId';
import { PickerField } from '../common/PickerField';
import { SelectField } from '../common/SelectField';
import { textFieldProps } from '../common/textFieldProps';
import { useOperationForm } from '../common/useOperationForm';
import { defaultEnquiryChannel, emptyEnquiry, toEnquiryInput, type EnquiryFormValues } from './enquiryForm';

interface Props {
  catalog: Catalog;
  /** After each enquiry is saved: the list below shows it. */
  onLogged: (id: number) => void;
}

/**
 * 咨询登记 in one line, keyboard first: 咨询事项 → 答复内容 → 渠道 → 姓名 → 电话 → 时间, Enter saves
 * from any of them, and the focus goes back to 咨询事项 for the next caller. The channel stays as
 * it was (a run of calls on the hotline); the time left empty is the core's "now" at saving.
 */
export function EnquiryForm({ catalog, onLogged }: Props) {
  const { requestId, renew } = useRequestId();
  const [saved, setSaved] = useState<string | null>(null);
  // Counts saved enquiries; each one sends the focus back to 咨询事项 once the emptied form has rendered.
  const [next, setNext] = useState(0);
  const topicInput = useRef<HTMLInputElement | null>(null);
  const channelOptions = catalog.channels.map((c) => ({ value: c.code, label: c.name }));
  const { form, submit, notice, busy } = useOperationForm({
    operation: 'enquiries.log',
    defaults: emptyEnquiry(defaultEnquiryChannel(catalog)),
    toInput: (v: EnquiryFormValues, problems) => toEnquiryInput(v, problems, requestId),
    onDone: (value, values) => {
      renew();
      form.reset({ ...emptyEnquiry(values.channel) });
      setSaved(`已登记：${values.topic.trim()}`);
      onLogged(value.id);
      setNext((n) => n + 1);
    },
    onError: (error) => {
      // The id holds an earlier, different enquiry: once seen, a new save is a new enquiry.
      if (error.fields?.requestId) renew();
      return false;
    },
  });

  useEffect(() => {
    if (next > 0) topicInput.current?.focus();
  }, [next]);

  const save = () => {
    if (busy) return;
    setSaved(null);
    void submit();
  };
  // Enter saves from every field, the time and the channel included (neither is a plain <input>);
  // an open channel menu takes its own Enter first.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.nativeEvent.isComposing) return;
    if ((e.target as HTMLElement).closest('[role="listbox"], [role="dialog"]')) return;
    if ((e.target as HTMLElement).getAttribute('aria-haspopup') === 'listbox') return;
    e.preventDefault();
    save();
  };

  const topic = textFieldProps(form, 'topic');
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Box
        // Fresh fields for each enquiry: an emptied MUI field would otherwise keep its label raised.
        key={next}
        component="form"
        noValidate
        aria-label="咨询登记"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onKeyDown={onKeyDown}
        sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        <TextField
          label="咨询事项"
          required
          autoFocus
          sx={{ flex: '2 1 200px' }}
          {...topic}
          inputRef={(el: HTMLInputElement | null) => {
            topic.inputRef(el);
            topicInput.current = el;
          }}
        />
        <TextField label="答复内容" required sx={{ flex: '3 1 240px' }} {...textFieldProps(form, 'answer')} />
        <Box sx={{ width: 110 }}>
          <SelectField control={form.control} name="channel" label="渠道" options={channelOptions} required />
        </Box>
        <TextField label="姓名" sx={{ width: 100 }} {...textFieldProps(form, 'name')} />
        <TextField label="电话" sx={{ width: 140 }} slotProps={{ htmlInput: { inputMode: 'tel' } }} {...textFieldProps(form, 'phone')} />
        <Box sx={{ width: 200 }}>
          <PickerField form={form} name="receivedAt" label="时间" kind="dateTime" hint="留空即为现在" />
        </Box>
        <Button type="submit" variant="contained" startIcon={<AddCommentIcon />} disabled={busy} sx={{ height: 40 }} aria-keyshortcuts="Enter">
          登记
        </Button>
      </Box>
      <Box aria-live="polite" sx={{ mt: 0.5, minHeight: 24 }}>
        {notice ? (
          <Alert severity={notice.severity} sx={{ py: 0 }}>
            {notice.text}
          </Alert>
        ) : (
          <Typography variant="body2" color={saved ? 'success.main' : 'text.secondary'}>
            {saved ?? '回车登记；姓名、电话可不填；转为投诉时带入登记表'}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
