import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CaseDetail } from '../../../../../shared/api/schemas/cases';
import { RECEIVED_AT_FIXED } from '../../../../../shared/domain/correction';
import { useApi } from '../../../api/ApiContext';
import { isUnreachable } from '../../../api/client';
import { useRequestId } from '../../../api/requestId';
import { useApiQuery } from '../../../api/useApiQuery';
import { useToday } from '../../../session/useToday';
import { CenteredMessage } from '../../../common/CenteredMessage';
import { FormDialog } from '../../../common/FormDialog';
import { applyServerFieldErrors } from '../../../common/serverErrors';
import { ClassificationSection } from '../../../register/ClassificationSection';
import { ComplainantSection } from '../../../register/ComplainantSection';
import { PurchaseSection, RequestSection } from '../../../register/PurchaseSection';
import { registerFieldPaths, registerFormSchemaOn, type RegisterFormOutput, type RegisterFormValues } from '../../../register/registerForm';
import { RespondentSection } from '../../../register/RespondentSection';
import type { Catalog } from '../../../../../shared/api/schemas/catalog';
import { changesBetween, correctionFormPath, formValuesOf } from './correctionForm';

const REASON_MAX = 500;
const CHECK_FIELDS = '有填写不正确的项目，请按红色提示修改后再提交（已填写的内容都还在）';
const NOTHING_CHANGED = '没有改动任何登记信息：请先修改要更正的项目';
const UNREACHABLE = '无法连接到本机服务，不知道这次更正是否已保存。请确认程序仍在运行后再提交：已保存的不会重复更正，已填写的内容都还在';

interface Props {
  c: CaseDetail;
  onClose: () => void;
  /** The correction was saved; the page reads the case again. */
  onDone: () => void;
}

/** 更正登记信息: the registration form filled with the case, and the reason; only changed fields are sent. */
export function CorrectDialog({ c, onClose, onDone }: Props) {
  const catalog = useApiQuery('catalog.get', {});
  if (!catalog.data) {
    return (
      <FormDialog title="更正登记信息" onClose={onClose} onSubmit={() => {}} submitLabel="提交更正" busy blocked>
        <CenteredMessage loading />
      </FormDialog>
    );
  }
  return <CorrectForm c={c} catalog={catalog.data} onClose={onClose} onDone={onDone} />;
}

function CorrectForm({ c, catalog, onClose, onDone }: Props & { catalog: Catalog }) {
  const api = useApi();
  const defaults = useMemo(() => formValuesOf(c), [c]);
  // The office's today, from the core (never the PC's clock): the date rules check against it.
  const today = useToday();
  const todayRef = useRef(today);
  todayRef.current = today;
  const [schema] = useState(() => registerFormSchemaOn(() => todayRef.current));
  const form = useForm<RegisterFormValues, unknown, RegisterFormOutput>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { requestId, renew } = useRequestId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);

  const submit = form.handleSubmit(
    async (edited) => {
      setNotice(null);
      const why = reason.trim();
      if (!why) {
        setReasonError('请填写更正原因');
        reasonRef.current?.focus();
        return;
      }
      const changes = changesBetween(c, edited);
      if (Object.keys(changes).length === 0) return setNotice(NOTHING_CHANGED);
      setBusy(true);
      const result = await api.call('cases.correct', {
        id: c.id,
        version: c.version,
        changes,
        reason: why,
        ...(edited.oldPurchaseConfirmed ? { oldPurchaseConfirmed: true } : {}),
        requestId,
      });
      setBusy(false);
      if (result.ok) return onDone();
      const fields = result.error.fields ?? {};
      if (fields.requestId) renew();
      if (fields.reason) setReasonError(fields.reason);
      const wrong = applyServerFieldErrors(form.setError, fields, registerFieldPaths, correctionFormPath);
      setNotice(isUnreachable(result) ? UNREACHABLE : result.error.message);
      if (wrong[0]) form.setFocus(wrong[0]);
      else if (fields.reason) reasonRef.current?.focus();
    },
    () => {
      if (!reason.trim()) setReasonError('请填写更正原因');
      setNotice(CHECK_FIELDS);
    },
  );

  return (
    <FormDialog title={`更正登记信息 · ${c.caseNo}`} onClose={onClose} onSubmit={() => void submit()} submitLabel="提交更正" busy={busy} maxWidth="lg">
      <Typography variant="body2" color="text.secondary">
        修改登记有误的项目并写明更正原因；案件编号不变。时间线保留更正前后的内容；已签发的文书保持原样，此后签发的文书使用更正后的内容。
      </Typography>
      {notice && (
        <Alert severity="error" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <ComplainantSection form={form} />
      <RespondentSection form={form} />
      <PurchaseSection form={form} />
      <RequestSection form={form} />
      <ClassificationSection form={form} catalog={catalog} receivedAtLocked={c.correction.receivedAt ? undefined : RECEIVED_AT_FIXED} />
      <TextField
        label="更正原因"
        required
        multiline
        minRows={2}
        value={reason}
        inputRef={reasonRef}
        onChange={(e) => {
          setReason(e.target.value);
          if (reasonError) setReasonError(null);
        }}
        error={reasonError !== null}
        helperText={reasonError ?? '如：登记时姓名录入错误，据身份证更正'}
        slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
      />
    </FormDialog>
  );
}
