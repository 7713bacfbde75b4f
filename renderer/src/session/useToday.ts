import { useApiQuery } from '../api/useApiQuery';
import { useSession } from './SessionContext';

/**
 * The office date, as the core's clock says it (clock.today), read when the screen opens: a page
 * left open past midnight shows the new day once it is opened again. Until the answer comes, the
 * date the session was read on. The renderer never takes "today" from the PC it runs on.
 */
export function useToday(): string {
  const { today } = useSession();
  const clock = useApiQuery('clock.today', {});
  return clock.data?.today ?? today;
}
