import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { OutputOf } from '../../../shared/api/contract';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { readFromEnquiry } from '../enquiries/fromEnquiry';
import { formatDateTime } from '../format';
import { DraftOffer } from './DraftOffer';
import { emptyRegisterForm, registerDraftOf, type RegisterDraft } from './registerForm';
import { RegisteredDialog } from './RegisteredDialog';
import { defaultChannel, RegistrationForm } from './RegistrationForm';

type Saved = OutputOf<'cases.register'>;

/** The registration form's draft: one per clerk for a new complaint. */
const DRAFT_KEY = '';

/**
 * 登记投诉: waits for the catalog (categories, natures, channels are data) and for the clerk's draft,
 * then shows the form. After each save a fresh form is mounted (a new key) rather than reset in
 * place, so no field keeps a stale label, picked respondent or half-typed date from the previous
 * complaint; restoring a draft mounts a fresh form from it the same way. Opened from 今日's 草稿
 * (router state `restoreDraft`), the draft is restored at once.
 */
export function RegisterPage() {
  const api = useApi();
  const catalog = useApiQuery('catalog.get', {});
  const draftQuery = useApiQuery('drafts.get', { form: 'register', key: DRAFT_KEY });
  const navigate = useNavigate();
  const location = useLocation();
  const restoreAtOnce = (location.state as { restoreDraft?: unknown } | null)?.restoreDraft === DRAFT_KEY;
  const [saved, setSaved] = useState<Saved | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [focusSignal, setFocusSignal] = useState(0);
  // 转为投诉 from 咨询登记: the first form starts from the enquiry; the next ones start empty.
  const [fromEnquiry, setFromEnquiry] = useState(() => readFromEnquiry(location.state));
  // 'open': a draft from earlier waits for the clerk's choice; 'settled': the form owns the draft.
  const [choice, setChoice] = useState<'open' | 'settled'>('open');
  const [restored, setRestored] = useState<RegisterDraft | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [discardError, setDiscardError] = useState<string | null>(null);
  const found = draftQuery.data?.draft ?? null;
  const empty = useMemo(() => (catalog.data ? emptyRegisterForm(defaultChannel(catalog.data)) : null), [catalog.data]);
  const offering = choice === 'open' && found !== null;

  const restore = () => {
    if (!found || !empty) return;
    setRestored({ ...registerDraftOf(found.data, empty), savedAt: found.savedAt });
    setChoice('settled');
    setFormKey((k) => k + 1);
  };
  useEffect(() => {
    if (restoreAtOnce && offering && empty) restore();
    // Once, when the draft asked for from 今日 has arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [restoreAtOnce, offering, empty]);

  if (!catalog.data || (!draftQuery.data && !draftQuery.error)) {
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

  const discard = async () => {
    setDiscarding(true);
    const r = await api.call('drafts.discard', { form: 'register', key: DRAFT_KEY });
    setDiscarding(false);
    if (!r.ok) return setDiscardError(r.error.message);
    setChoice('settled');
    setFocusSignal((n) => n + 1);
  };

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
      {draftQuery.error && <Alert severity="warning" sx={{ mb: 1.5 }}>无法读取草稿：{draftQuery.error.message}</Alert>}
      {discardError && <Alert severity="error" sx={{ mb: 1.5 }} onClose={() => setDiscardError(null)}>{discardError}</Alert>}
      {offering && found && <DraftOffer draft={found} busy={discarding} onRestore={restore} onDiscard={() => void discard()} />}
      <RegistrationForm
        key={formKey}
        catalog={catalog.data}
        focusSignal={focusSignal}
        fromEnquiry={fromEnquiry}
        draftKey={DRAFT_KEY}
        restored={restored}
        // Until the draft could be read, nothing typed may replace it.
        draftsEnabled={!offering && !draftQuery.error}
        onSaved={(value) => {
          setFromEnquiry(null);
          setSaved(value);
          setDialogOpen(true);
          setRestored(null);
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
