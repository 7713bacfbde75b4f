import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { OutputOf } from '../../../shared/api/contract';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { readFromEnquiry } from '../enquiries/fromEnquiry';
import { formatDateTime } from '../format';
import { RegisteredDialog } from './RegisteredDialog';
import { RegistrationForm } from './RegistrationForm';

type Saved = OutputOf<'cases.register'>;

/**
 * 登记投诉: waits for the catalog (categories, natures, channels are data), then shows the form.
 * After each save a fresh form is mounted (a new key) rather than reset in place, so no field
 * keeps a stale label, picked respondent or half-typed date from the previous complaint.
 */
export function RegisterPage() {
  const catalog = useApiQuery('catalog.get', {});
  const navigate = useNavigate();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [focusSignal, setFocusSignal] = useState(0);
  // 转为投诉 from 咨询登记: the first form starts from the enquiry; the next ones start empty.
  const location = useLocation();
  const [fromEnquiry, setFromEnquiry] = useState(() => readFromEnquiry(location.state));

  if (!catalog.data) {
    if (!catalog.error) return <CenteredMessage loading>正在加载分类目录…</CenteredMessage>;
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={catalog.reload}>
            重试
          </Button>
        }
      >
        {catalog.error.message}
      </Alert>
    );
  }

  return (
    <>
      {fromEnquiry && (
        <Alert
          severity="info"
          sx={{ mb: 1.5 }}
          action={
            <Button color="inherit" size="small" onClick={() => setFromEnquiry(null)}>
              不关联
            </Button>
          }
        >
          由 {formatDateTime(fromEnquiry.receivedAt)} 的咨询转来：{fromEnquiry.topic}。保存后，咨询登记中这条咨询显示本案编号。
        </Alert>
      )}
      <RegistrationForm
        key={formKey}
        catalog={catalog.data}
        focusSignal={focusSignal}
        fromEnquiry={fromEnquiry}
        onSaved={(value) => {
          setFromEnquiry(null);
          setSaved(value);
          setDialogOpen(true);
          setFormKey((k) => k + 1);
        }}
      />
      <RegisteredDialog
        open={dialogOpen}
        saved={saved}
        onOpenCase={(id) => void navigate(`/cases/${id}`)}
        onContinue={() => setDialogOpen(false)}
        onClosed={() => setFocusSignal((n) => n + 1)}
      />
    </>
  );
}
