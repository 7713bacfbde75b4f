import { zodResolver } from '@hookform/resolvers/zod';
import SaveIcon from '@mui/icons-material/Save';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { OutputOf } from '../../../shared/api/contract';
import type { Catalog } from '../../../shared/api/schemas/catalog';
import { useApi } from '../api/ApiContext';
import { isUnreachable } from '../api/client';
import { useRequestId } from '../api/requestId';
import { applyServerFieldErrors } from '../common/serverErrors';
import { useReportUnsaved } from '../common/unsavedChanges';
import { ClassificationSection } from './ClassificationSection';
import { ComplainantSection } from './ComplainantSection';
import { LeaveGuard } from './LeaveGuard';
import { PurchaseSection, RequestSection } from './PurchaseSection';
import { ScreenshotFill } from './ScreenshotFill';
import { DraftStatus } from './DraftStatus';
import { useDraftAutosave } from './useDraftAutosave';
import {
  emptyRegisterForm,
  isEmptyRegisterForm,
  registerDraftData,
  registerFieldPaths,
  registerFormPath,
  registerFormSchemaOn,
  type RegisterFormOutput,
  type RegisterDraft,
  type RegisterFormValues,
} from './registerForm';
import { RepeatWarning } from './RepeatWarning';
import { useToday } from '../session/useToday';
import { RespondentSection } from './RespondentSection';
import { registerFormFromEnquiry, type FromEnquiry } from '../enquiries/fromEnquiry';

const CHECK_FIELDS = '有填写不正确的项目，请按红色提示修改后再保存（已填写的内容都还在）';
/** The request id makes a second save safe whether or not the first one reached the register. */
const UNREACHABLE_SAVE = '无法连接到本机服务，不知道这次登记是否已保存。请确认程序仍在运行后再点“保存登记”：已保存的不会重复登记，已填写的内容都还在';

/** Most complaints arrive at the counter; fall back to the catalog's first channel. */
export function defaultChannel(catalog: Catalog): string {
  return (catalog.channels.find((c) => c.name === '来访') ?? catalog.channels[0])?.code ?? '';
}

interface Props {
  catalog: Catalog;
  onSaved: (saved: OutputOf<'cases.register'>) => void;
  /** Changes when 投诉人姓名 should take the focus again (after the success dialog closes). */
  focusSignal: number;
  /** 咨询登记's 转为投诉: the form starts from the enquiry, and saving links it to the case. */
  fromEnquiry?: FromEnquiry | null;
  /** 草稿: which draft of the registration form this is ('' for a new complaint). */
  draftKey: string;
  /** A draft the clerk chose to restore: the form starts from it. */
  restored: RegisterDraft | null;
  /** False while an earlier draft waits for the clerk's choice: nothing typed may overwrite it. */
  draftsEnabled: boolean;
}

/**
 * One page, keyboard first: 投诉人 → 被投诉方 → 消费经过 → 诉求 → 分类 → 保存 (Ctrl+Enter).
 * Nothing typed is lost on an error; after a save the page mounts a fresh form (see RegisterPage).
 */
export function RegistrationForm({ catalog, onSaved, focusSignal, fromEnquiry = null, draftKey, restored, draftsEnabled }: Props) {
  const api = useApi();
  const empty = useMemo(() => emptyRegisterForm(defaultChannel(catalog)), [catalog]);
  // A restored draft is the form's starting point (the page mounts a fresh form to restore one); else the enquiry
  // it was turned from fills it once, as it opens (unlinking the enquiry later keeps what was typed).
  const [defaults] = useState(() => restored?.values ?? registerFormFromEnquiry(empty, fromEnquiry, catalog.channels));
  // The office's today, from the core (never the PC's clock): the date rules check against it.
  const today = useToday();
  const todayRef = useRef(today);
  todayRef.current = today;
  const [schema] = useState(() => registerFormSchemaOn(() => todayRef.current));
  const form = useForm<RegisterFormValues, unknown, RegisterFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
  });
  // One id for this form's registration: a retry after a lost answer gets the same case back.
  // The page mounts a fresh form (and so a fresh id) after each save.
  const { requestId, renew } = useRequestId();
  const [alert, setAlert] = useState<string | null>(null);
  // 关联为重复投诉: the earlier complaint chosen in the repeat warning, sent as `repeatOf`.
  const [repeatOf, setRepeatOf] = useState<number | null>(restored?.repeatOf ?? null);
  const [screenshot, setScreenshot] = useState<File | null>(null);
  const lastFocus = useRef<string | null>(restored?.focus ?? null);
  const draft = useDraftAutosave({
    form: 'register',
    draftKey,
    enabled: draftsEnabled,
    restoredSavedAt: restored?.savedAt ?? null,
    snapshot: () => {
      const values = form.getValues();
      if (isEmptyRegisterForm(values, empty) && repeatOf === null) return null;
      return registerDraftData({ values, repeatOf, focus: lastFocus.current });
    },
  });
  const { changed: draftChanged } = draft;
  useEffect(() => {
    const typing = form.watch(() => draftChanged());
    return () => typing.unsubscribe();
  }, [form, draftChanged]);
  const firstRepeat = useRef(repeatOf);
  useEffect(() => {
    if (repeatOf !== firstRepeat.current) draftChanged();
  }, [repeatOf, draftChanged]);
  useEffect(() => {
    // Back where the clerk was when the draft was last saved.
    if (restored?.focus) form.setFocus(restored.focus as Parameters<typeof form.setFocus>[0]);
  }, [form, restored]);
  const alertRef = useRef<HTMLDivElement>(null);
  const { isDirty: dirty, isSubmitting, errors } = form.formState;
  // "Please correct the marked fields" goes away once the clerk has corrected them all.
  const visibleAlert = alert === CHECK_FIELDS && Object.keys(errors).length === 0 ? null : alert;
  // What is kept in a saved draft is not lost by leaving: only typing not yet in it is.
  const unsaved = dirty && !(draftsEnabled && draft.state.status === 'saved');
  useReportUnsaved('register', unsaved);

  useEffect(() => {
    // Never pull the focus away from a field the clerk has already moved into.
    const idle = document.activeElement === null || document.activeElement === document.body;
    if (focusSignal > 0 && idle) form.setFocus('complainant.name');
  }, [focusSignal, form]);

  const showAlert = (message: string) => {
    setAlert(message);
    // The first wrong field takes the focus; the alert stays where the eye returns to.
    alertRef.current?.scrollIntoView({ block: 'nearest' });
  };

  const save = form.handleSubmit(
    async (input) => {
      setAlert(null);
      // The draft's last save lands before the registration that removes it, never after.
      await draft.stop();
      const result = await api.call('cases.register', {
        ...input,
        ...(repeatOf !== null ? { repeatOf } : {}),
        ...(fromEnquiry ? { fromEnquiryId: fromEnquiry.id } : {}),
        // Only a draft this form owns: one still waiting for the clerk's choice is left alone.
        ...(draftsEnabled ? { draftKey } : {}),
        requestId,
      });
      if (!result.ok) {
        draft.resume();
        draftChanged();
        // The id already holds an earlier, different registration; once checked, a new save is a new one.
        if (result.error.fields?.requestId) renew();
        const wrong = applyServerFieldErrors(form.setError, result.error.fields, registerFieldPaths, registerFormPath);
        showAlert(isUnreachable(result) ? UNREACHABLE_SAVE : result.error.message);
        if (wrong[0]) form.setFocus(wrong[0]);
        return;
      }
      onSaved(result.value);
    },
    () => showAlert(CHECK_FIELDS),
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!isSubmitting) void save();
    }
  };

  return (
    <Box
      component="form"
      noValidate
      aria-label="登记投诉"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const name = (e.target as Element).getAttribute('name');
        if (name && registerFieldPaths.has(name)) lastFocus.current = name;
      }}
      onBlur={() => void draft.flush()}
      // A picture dropped anywhere on the form is offered for reading (从截图识别), never filled silently.
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (!f) return;
        e.preventDefault();
        setScreenshot(f);
      }}
    >
      <Typography variant="h5" component="h1" sx={{ mb: 1.5 }}>
        登记投诉
      </Typography>
      <Box ref={alertRef}>
        {visibleAlert && (
          <Alert severity="error" sx={{ mb: 1.5 }} onClose={() => setAlert(null)}>
            {visibleAlert}
          </Alert>
        )}
      </Box>
      <Stack spacing={1.5}>
        <ComplainantSection form={form} />
        <RespondentSection form={form} />
        <RepeatWarning form={form} repeatOf={repeatOf} onRepeatOf={setRepeatOf} />
        <PurchaseSection form={form} />
        <RequestSection form={form} />
        <ClassificationSection form={form} catalog={catalog} />
        <Paper
          elevation={3}
          sx={{ p: 1.5, display: 'flex', alignItems: 'center', gap: 2, position: 'sticky', bottom: 0, zIndex: 2 }}
        >
          <Button
            variant="contained"
            size="large"
            startIcon={<SaveIcon />}
            disabled={isSubmitting}
            onClick={() => void save()}
            aria-keyshortcuts="Control+Enter"
          >
            保存登记
          </Button>
          {/* After 保存 in the Tab order: the keyboard's way through the form is not interrupted. */}
          <ScreenshotFill form={form} file={screenshot} onFile={setScreenshot} />
          <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
            快捷键 Ctrl+Enter 保存；Tab 到下一项；订单截图可直接拖到表上识别
          </Typography>
          <DraftStatus state={draft.state} enabled={draftsEnabled} />
        </Paper>
      </Stack>
      <LeaveGuard dirty={unsaved} flush={draftsEnabled ? draft.flush : undefined} />
    </Box>
  );
}
