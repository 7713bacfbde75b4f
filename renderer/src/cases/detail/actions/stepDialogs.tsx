import type { ComponentType } from 'react';
import type { CaseAction } from '../../../../../shared/domain/workflow';
import { AssignDialog } from './AssignDialog';
import { EndMediationDialog } from './EndMediationDialog';
import { FollowUpDialog } from './FollowUpDialog';
import { NoteDialog, type NoteAction } from './NoteDialog';
import { NotifyDialog } from './NotifyDialog';
import { PauseDialog } from './PauseDialog';
import { ProposeOutcomeDialog } from './ProposeOutcomeDialog';
import { RecordBusinessReplyDialog } from './RecordBusinessReplyDialog';
import { RecordContactDialog } from './RecordContactDialog';
import { RecordSessionDialog } from './RecordSessionDialog';
import { ReferDialog } from './ReferDialog';
import { RefuseDialog } from './RefuseDialog';
import { RequestMaterialsDialog } from './RequestMaterialsDialog';
import { ScheduleSessionDialog } from './ScheduleSessionDialog';
import { StartMediationDialog } from './StartMediationDialog';
import type { ActionDialogProps } from './useActionForm';

const own = {
  refuse: RefuseDialog,
  requestMaterials: RequestMaterialsDialog,
  refer: ReferDialog,
  assign: AssignDialog,
  recordContact: RecordContactDialog,
  recordBusinessReply: RecordBusinessReplyDialog,
  pause: PauseDialog,
  startMediation: StartMediationDialog,
  scheduleSession: ScheduleSessionDialog,
  recordSession: RecordSessionDialog,
  endMediation: EndMediationDialog,
  proposeOutcome: ProposeOutcomeDialog,
  notify: NotifyDialog,
  followUp: FollowUpDialog,
} satisfies Partial<Record<CaseAction, ComponentType<ActionDialogProps>>>;

/** Every step of the workflow table has its dialog: its own, or the one-line NoteDialog (a compile error otherwise). */
const complete: Record<Exclude<CaseAction, keyof typeof own | NoteAction>, never> = {};
void complete;

/** The dialog of a step, drawn from the same table the buttons come from. */
export function StepDialog({ action, ...props }: ActionDialogProps & { action: CaseAction }) {
  if (action in own) {
    const Dialog = own[action as keyof typeof own];
    return <Dialog {...props} />;
  }
  return <NoteDialog action={action as NoteAction} {...props} />;
}
