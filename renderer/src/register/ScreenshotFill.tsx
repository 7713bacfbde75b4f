import ImageSearchIcon from '@mui/icons-material/ImageSearch';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import type { ScreenshotReading } from '../../../shared/api/schemas/screenshot';
import { useApi } from '../api/ApiContext';
import { fenToYuan } from '../format';
import type { RegisterForm, RegisterFormValues } from './registerForm';
import { shrinkPicture } from './shrinkPicture';

type FieldKey = keyof ScreenshotReading['fields'];

/** The form's fields a picture may fill, in the form's order, with the words the form labels them by. */
const OFFERED: { key: FieldKey; label: string; current: (v: RegisterFormValues) => string }[] = [
  { key: 'respondentName', label: '被投诉方名称', current: (v) => v.respondent.name },
  { key: 'subject', label: '商品或服务名称', current: (v) => v.subject },
  { key: 'purchasedOn', label: '购买日期', current: (v) => v.purchasedOn ?? '' },
  { key: 'amountPaidFen', label: '实付金额（元）', current: (v) => v.amountPaid ?? '' },
  { key: 'orderNo', label: '订单号', current: (v) => v.purchasePlace?.orderNo ?? '' },
];

interface Offer {
  key: FieldKey;
  label: string;
  value: string;
  line: string;
  current: string;
  take: boolean;
}

function offersOf(read: ScreenshotReading, values: RegisterFormValues): Offer[] {
  return OFFERED.flatMap(({ key, label, current }) => {
    const found = read.fields[key];
    if (!found) return [];
    const value = key === 'amountPaidFen' ? fenToYuan(found.value as number) : String(found.value);
    const now = current(values).trim();
    // Offered ticked where the form is empty; a field the clerk already filled is only changed when they tick it.
    return [{ key, label, value, line: found.line, current: now, take: now === '' }];
  });
}

function fill(form: RegisterForm, offers: Offer[]): void {
  const set = { shouldDirty: true, shouldValidate: true, shouldTouch: true } as const;
  for (const o of offers.filter((x) => x.take && x.value.trim())) {
    const value = o.value.trim();
    if (o.key === 'respondentName') {
      // A different name is another business: the one picked from the register is let go.
      if (value !== form.getValues('respondent.name')) form.setValue('respondent', { ...form.getValues('respondent'), id: null, name: value }, set);
    } else if (o.key === 'subject') form.setValue('subject', value, set);
    else if (o.key === 'purchasedOn') form.setValue('purchasedOn', value, set);
    else if (o.key === 'amountPaidFen') form.setValue('amountPaid', value, set);
    else form.setValue('purchasePlace.orderNo', value, set);
  }
}

/**
 * 从截图识别 (issue [H]): a screenshot of an order, a receipt or an invoice, dropped anywhere on the
 * form or chosen with the button, is read by the core's OCR and what it shows is offered field by
 * field, each with the line it was read from, for the clerk to take, change or leave. Nothing is
 * filled silently, and the picture is not kept (it is added as evidence once the case exists).
 */
export function ScreenshotFill({ form, file, onFile }: { form: RegisterForm; file: File | null; onFile: (f: File | null) => void }) {
  const api = useApi();
  const picker = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [read, setRead] = useState<ScreenshotReading | null>(null);
  const [offers, setOffers] = useState<Offer[]>([]);

  useEffect(() => {
    if (!file) return;
    let current = true;
    setReading(true);
    setProblem(null);
    setRead(null);
    void (async () => {
      const image = await shrinkPicture(file);
      if (!current) return;
      if (!image) {
        setProblem('无法识别：这不是一张图片。请拖入订单、小票或发票的截图或照片');
        setReading(false);
        return;
      }
      const r = await api.call('intake.readScreenshot', { image });
      if (!current) return;
      setReading(false);
      if (!r.ok) return setProblem(r.error.message);
      setRead(r.value);
      setOffers(offersOf(r.value, form.getValues()));
    })();
    return () => {
      current = false;
    };
  }, [api, file, form]);

  const close = () => {
    onFile(null);
    setRead(null);
    setProblem(null);
  };
  const change = (key: FieldKey, patch: Partial<Offer>) => setOffers((list) => list.map((o) => (o.key === key ? { ...o, ...patch } : o)));

  return (
    <>
      <Button variant="outlined" startIcon={<ImageSearchIcon />} onClick={() => picker.current?.click()} title="读出订单、小票或发票截图上的商家、商品、金额、日期和订单号，逐项核对后填入">
        从截图识别…
      </Button>
      <input
        ref={picker}
        type="file"
        accept="image/*"
        hidden
        data-testid="screenshot-picker"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <Dialog open={file !== null} onClose={close} maxWidth="sm" fullWidth aria-labelledby="screenshot-title">
        {/* A form of its own (not nested in the registration's): Enter in a field fills what is ticked. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            e.stopPropagation();
            if (!offers.some((o) => o.take)) return;
            fill(form, offers);
            close();
          }}
        >
          <DialogTitle id="screenshot-title">从截图识别：{file?.name ?? ''}</DialogTitle>
          <DialogContent>
            {reading && (
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', py: 2 }} role="status">
                <CircularProgress size={20} />
                <Typography>正在识别图中文字，约需几秒…</Typography>
              </Stack>
            )}
            {problem && <Alert severity="error">{problem}</Alert>}
            {read && read.state !== 'done' && <Alert severity="info">{read.note}</Alert>}
            {read && read.state === 'done' && offers.length === 0 && <Alert severity="info">图中没有找到商家、商品、金额、日期或订单号，可从下面的文字中复制。</Alert>}
            {offers.length > 0 && (
              <Stack spacing={1.5} sx={{ pt: 0.5 }} aria-label="识别结果">
                <Typography variant="body2" color="text.secondary">
                  勾选要填入的项目，可先修改；未勾选的不填。
                </Typography>
                {offers.map((o) => (
                  <Stack key={o.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                    <Checkbox checked={o.take} onChange={(e) => change(o.key, { take: e.target.checked })} slotProps={{ input: { 'aria-label': `填入${o.label}` } }} sx={{ mt: 0.5 }} />
                    <TextField
                      label={o.label}
                      value={o.value}
                      onChange={(e) => change(o.key, { value: e.target.value, take: true })}
                      fullWidth
                      size="small"
                      helperText={`识别自：“${o.line}”${o.current ? `；表中现为：${o.current}` : ''}`}
                    />
                  </Stack>
                ))}
              </Stack>
            )}
            {read?.text && (
              <TextField label="识别出的全部文字" value={read.text} multiline minRows={3} maxRows={8} fullWidth size="small" sx={{ mt: 2 }} slotProps={{ htmlInput: { readOnly: true } }} />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>取消</Button>
            <Button type="submit" variant="contained" disabled={!offers.some((o) => o.take)}>
              填入所选
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
