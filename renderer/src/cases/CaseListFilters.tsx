import Chip from '@mui/material/Chip';
import ToggleButton from '@mui/material/ToggleButton';
import { caseStatuses, caseStatusLabel } from '../../../shared/domain/caseStatus';
import { deadlineKindLabel, deadlineKinds } from '../../../shared/domain/deadlines';
import { caseQueueLabel, roleMayTake } from '../../../shared/domain/workflow';
import { formatDateCn } from '../format';
import { useSession } from '../session/SessionContext';
import { dueFilterKeys, dueFilters } from './caseFilters';
import { FilterSelect } from './FilterSelect';
import type { CaseListParams } from './useCaseListParams';

interface Props {
  params: CaseListParams;
  update: (change: Partial<CaseListParams>) => void;
}

/** The register's filters beside its search box: status, deadlines (of one kind or all), mine, awaiting my approval. */
export function CaseListFilters({ params, update }: Props) {
  const { user } = useSession();
  const set = (change: Partial<CaseListParams>) => update({ ...change, page: 1 });
  return (
    <>
      <FilterSelect label="状态" value={params.status} options={caseStatuses} labelOf={(s) => caseStatusLabel[s]} onChange={(status) => set({ status })} />
      <FilterSelect label="期限" value={params.due} options={dueFilterKeys} labelOf={(k) => dueFilters[k].label} onChange={(due) => set({ due })} />
      {params.due && (
        <FilterSelect
          label="期限种类"
          value={params.kind}
          options={deadlineKinds}
          labelOf={(k) => deadlineKindLabel[k]}
          onChange={(kind) => set({ kind })}
        />
      )}
      <ToggleButton value="mine" size="small" sx={{ height: 40 }} selected={params.mine} onChange={() => set({ mine: !params.mine })}>
        我的案件
      </ToggleButton>
      {roleMayTake(user.role, 'approve') && (
        <ToggleButton value="approval" size="small" sx={{ height: 40 }} selected={params.approval} onChange={() => set({ approval: !params.approval })}>
          待我审批
        </ToggleButton>
      )}
      {params.registered && <Chip label={`${formatDateCn(params.registered)}登记`} onDelete={() => set({ registered: '' })} />}
      {params.queue && <Chip label={caseQueueLabel[params.queue]} data-testid="queue-filter" onDelete={() => set({ queue: '' })} />}
    </>
  );
}
