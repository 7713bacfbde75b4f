import Typography from '@mui/material/Typography';
import { useSession } from '../session/SessionContext';
import { draftTime } from './draftTime';
import type { DraftSaveState } from './useDraftAutosave';

/**
 * The quiet line beside 保存登记 that says the typing is safe: "草稿已保存 09:41". Only a failure
 * or a read-only register is said in colour, and that once (the line stays; no dialog).
 */
export function DraftStatus({ state, enabled }: { state: DraftSaveState; enabled: boolean }) {
  const { today } = useSession();
  let text = '';
  let colour = 'text.secondary';
  if (!enabled) {
    text = '先恢复或丢弃上次的草稿，之后输入的内容才会存为草稿';
    colour = 'warning.dark';
  } else if (state.status === 'readOnly') {
    text = '系统处于只读模式，草稿不会保存';
    colour = 'warning.dark';
  } else if (state.status === 'failed') {
    text = `草稿未能保存（${state.message}），将在下次输入时重试`;
    colour = 'error.main';
  } else if (state.status === 'saved' || ((state.status === 'pending' || state.status === 'saving') && state.savedAt)) {
    text = `草稿已保存 ${draftTime(state.savedAt!, today)}`;
  } else if (state.status === 'saving') {
    text = '正在保存草稿…';
  }
  return (
    <Typography variant="body2" role="status" aria-live="polite" data-testid="draft-status" sx={{ color: colour, textAlign: 'right' }}>
      {text}
    </Typography>
  );
}
