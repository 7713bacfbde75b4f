import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../../shared/api/schemas/cases';
import { pauseReasonLabel } from '../../../../../shared/api/schemas/workflow';
import type { CaseAction } from '../../../../../shared/domain/workflow';
import { textFieldProps } from '../../../common/textFieldProps';
import { formatDateCn } from '../../../format';
import { labelOf } from '../labels';
import { ProposalSummary } from '../ProposalSummary';
import { ActionDialog } from './ActionDialog';
import { useActionForm, type ActionDialogProps } from './useActionForm';

/** A step whose only field is one text (or none): what it is called, and what the clerk reads first. */
interface NoteStep {
  field?: 'note' | 'summary' | 'comment' | 'reason';
  label?: string;
  required?: boolean;
  /** Shown in the empty field, e.g. the usual 同意 of an approval (never prefilled: typed after, it read "同意同意…"). */
  placeholder?: string;
  intro?: (c: CaseDetail) => ReactNode;
  danger?: boolean;
}

const pending = (c: CaseDetail) => c.proposal && <ProposalSummary proposal={c.proposal} />;

export const noteSteps = {
  accept: { field: 'note', label: '受理说明（可不填）', intro: () => '受理后开始计算调解（处理）期限，由负责人指派承办人。' },
  materialsReceived: {
    field: 'note',
    label: '说明（可不填）',
    intro: (c) => `补正材料：${c.materials?.items.join('、') ?? ''}。材料补齐后受理期限继续计算，等待的天数顺延。`,
  },
  recordReferralReply: { field: 'summary', label: '承办单位答复', required: true, intro: (c) => c.referral && `转办至 ${c.referral.to}，${formatDateCn(c.referral.on)}。` },
  startInvestigation: { intro: (c) => `承办人 ${c.handler?.displayName ?? ''} 开始调查；调查中可记录联系、暂停计时、开始调解或提出处理意见。` },
  resume: {
    field: 'note',
    label: '说明（可不填）',
    intro: (c) =>
      c.paused && `计时自 ${formatDateCn(c.paused.since)} 起暂停（${labelOf(pauseReasonLabel, c.paused.reason)}）。恢复后期限按暂停的天数顺延。`,
  },
  approve: { field: 'comment', label: '批示意见', required: true, placeholder: '如：同意', intro: pending },
  sendBack: { field: 'comment', label: '退回意见', required: true, intro: pending },
  reopen: { field: 'reason', label: '重新调查的理由', required: true, intro: () => '案件回到调查中；此前的处理结果保留在记录中，新的处理意见须再经审批。' },
  close: {
    field: 'note',
    label: '结案说明',
    intro: (c) =>
      c.status === 'referred'
        ? '承办单位已答复，转办案件结案归档。'
        : `已回访 ${c.followUps.length} 次（本案须回访 ${c.followUpsRequired} 次）。最近一次回访不满意的，须写明诉求无法满足的理由。`,
  },
  void: { field: 'reason', label: '作废理由', required: true, danger: true, intro: () => '作废后案件不再办理；案件及其全部记录保留，不会删除。' },
} satisfies Partial<Record<CaseAction, NoteStep>>;

export type NoteAction = keyof typeof noteSteps;

/** The steps that need one line of text or nothing at all, in one dialog. */
export function NoteDialog({ action, ...props }: ActionDialogProps & { action: NoteAction }) {
  const step: NoteStep = noteSteps[action];
  const { form, dialog } = useActionForm({
    ...props,
    action,
    defaults: { text: '' },
    toFields: (v) => (step.field ? { [step.field]: v.text } : {}),
    formPath: (p) => (p === step.field ? 'text' : p),
  });
  return (
    <ActionDialog {...dialog} intro={step.intro?.(props.c)} danger={step.danger} confirmFirst={!step.field}>
      {step.field && (
        <TextField label={step.label} required={step.required} placeholder={step.placeholder} autoFocus multiline minRows={2} maxRows={8} {...textFieldProps(form, 'text')} />
      )}
    </ActionDialog>
  );
}
