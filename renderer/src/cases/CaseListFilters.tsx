import FilterListIcon from '@mui/icons-material/FilterList';
import Autocomplete from '@mui/material/Autocomplete';
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import { useEffect, useState } from 'react';
import type { Catalog } from '../../../shared/api/schemas/catalog';
import { deadlineFilterStates } from '../../../shared/api/schemas/cases';
import { caseStatuses, caseStatusLabel } from '../../../shared/domain/caseStatus';
import { deadlineKindLabel, deadlineKinds } from '../../../shared/domain/deadlines';
import { roleMayTake } from '../../../shared/domain/workflow';
import { useApi } from '../api/ApiContext';
import { useRespondentSearch, type RespondentOption } from '../register/useRespondentSearch';
import { useSession } from '../session/SessionContext';
import { deadlineStateLabel, dueFilterKeys, dueFilters, NONE, type CaseFilters } from './caseFilters';
import { DateFilterField } from './DateFilterField';
import { FilterSelect } from './FilterSelect';

interface Props {
  filters: CaseFilters;
  set: (change: Partial<CaseFilters>) => void;
  catalog: Catalog | null;
}

/** The filters that open under 更多筛选; the button shows how many of them are set. */
export const moreFilterFields = ['category', 'nature', 'channel', 'region', 'handler', 'respondent', 'from', 'to', 'state', 'voided'] as const satisfies readonly (keyof CaseFilters)[];

const toggle = { height: 40, whiteSpace: 'nowrap' } as const;

/** The filters a desk uses every day, beside the search box: status, deadlines, mine, awaiting my approval. */
export function MainFilters({ filters, set, moreOpen, moreSet, onMore }: Props & { moreOpen: boolean; moreSet: number; onMore: () => void }) {
  const { user } = useSession();
  const kindApplies = filters.due !== '' || filters.state !== '';
  return (
    <>
      <FilterSelect label="状态" width={150} value={filters.status} options={caseStatuses} labelOf={(s) => caseStatusLabel[s]} onChange={(status) => set({ status })} />
      <FilterSelect label="期限" width={160} value={filters.due} options={dueFilterKeys} labelOf={(k) => dueFilters[k].label} onChange={(due) => set({ due })} />
      {kindApplies && (
        <FilterSelect label="期限种类" width={170} value={filters.kind} options={deadlineKinds} labelOf={(k) => deadlineKindLabel[k]} onChange={(kind) => set({ kind })} />
      )}
      <ToggleButton value="mine" size="small" sx={toggle} selected={filters.mine} onChange={() => set({ mine: !filters.mine })}>
        我的案件
      </ToggleButton>
      {roleMayTake(user.role, 'approve') && (
        <ToggleButton value="approval" size="small" sx={toggle} selected={filters.approval} onChange={() => set({ approval: !filters.approval })}>
          待我审批
        </ToggleButton>
      )}
      <Badge badgeContent={moreSet} color="primary" overlap="rectangular">
        <Button variant={moreOpen ? 'contained' : 'outlined'} startIcon={<FilterListIcon />} onClick={onMore} aria-expanded={moreOpen} aria-controls="more-filters" sx={{ height: 40, whiteSpace: 'nowrap' }}>
          更多筛选
        </Button>
      </Badge>
    </>
  );
}

/** 更多筛选: what, from where, who handles it, which business, when received, a deadline's state, voided cases. */
export function MoreFilters({ filters, set, catalog }: Props) {
  const { user } = useSession();
  const mayAssign = roleMayTake(user.role, 'assign');
  const handlerList = useHandlers(mayAssign);
  const nameOf = (list: readonly { code: string; name: string }[] | undefined, code: string) => list?.find((i) => i.code === code)?.name ?? code;
  // A retired category, nature or channel is still on its old cases, so the register still filters by it (after the active ones).
  const offered = { category: catalog?.categories, nature: catalog?.natures, channel: catalog?.channels };
  const retiredOf = (kind: keyof typeof offered) => catalog?.retired.filter((r) => r.kind === kind) ?? [];
  const codesOf = (kind: keyof typeof offered) => [...(offered[kind] ?? []), ...retiredOf(kind)].map((c) => c.code);
  const labelOf = (kind: keyof typeof offered, code: string) => {
    const retired = retiredOf(kind).find((r) => r.code === code);
    return retired ? `${retired.name}（已停用）` : nameOf(offered[kind], code);
  };
  const handlerIds = [NONE, ...handlerList.map((u) => String(u.id))];
  const handlerLabel = (id: string) =>
    id === NONE ? '未指派' : (handlerList.find((u) => String(u.id) === id)?.displayName ?? ((filters.handler === id && filters.handlerName) || `经办人${id}`));

  return (
    <>
      <FilterSelect label="类别" width={200} value={filters.category} options={codesOf('category')} labelOf={(c) => labelOf('category', c)} onChange={(category) => set({ category })} />
      <FilterSelect label="性质" width={130} value={filters.nature} options={codesOf('nature')} labelOf={(c) => labelOf('nature', c)} onChange={(nature) => set({ nature })} />
      <FilterSelect label="渠道" width={120} value={filters.channel} options={codesOf('channel')} labelOf={(c) => labelOf('channel', c)} onChange={(channel) => set({ channel })} />
      <FilterSelect
        label="地区"
        width={130}
        value={filters.region}
        options={[...(catalog?.regions.map((c) => c.code) ?? []), NONE]}
        labelOf={(c) => (c === NONE ? '未填地区' : nameOf(catalog?.regions, c))}
        onChange={(region) => set({ region })}
      />
      <FilterSelect label="经办人" width={130} value={filters.handler} options={handlerIds} labelOf={handlerLabel} onChange={(handler) => set({ handler, handlerName: '' })} />
      <RespondentFilter filters={filters} set={set} />
      <DateFilterField label="收到自" value={filters.from} maxDate={filters.to || undefined} onChange={(from) => set({ from })} />
      <DateFilterField label="收到至" value={filters.to} minDate={filters.from || undefined} onChange={(to) => set({ to })} />
      <FilterSelect label="期限状态" width={140} value={filters.state} options={deadlineFilterStates} labelOf={(s) => deadlineStateLabel[s]} onChange={(state) => set({ state })} />
      <ToggleButton value="voided" size="small" sx={toggle} selected={filters.voided} onChange={() => set({ voided: !filters.voided })}>
        含已作废
      </ToggleButton>
    </>
  );
}

/** 被投诉方: a business picked from the register (respondents.search), by its id. */
function RespondentFilter({ filters, set }: Omit<Props, 'catalog'>) {
  const [input, setInput] = useState('');
  const { options, loading } = useRespondentSearch(input);
  const value: RespondentOption | null = filters.respondent
    ? { id: Number(filters.respondent), name: filters.respondentName || `被投诉方${filters.respondent}`, creditCode: null, address: null, contactPerson: null, phone: null, caseCount: 0 }
    : null;
  return (
    <Autocomplete<RespondentOption>
      sx={{ width: 240 }}
      options={options}
      value={value}
      loading={loading}
      filterOptions={(o) => o}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      autoHighlight
      noOptionsText={input.trim() ? '没有匹配的被投诉方' : '输入名称查找'}
      loadingText="查找中…"
      onInputChange={(_e, v) => setInput(v)}
      onChange={(_e, o) => set({ respondent: o ? String(o.id) : '', respondentName: o?.name ?? '' })}
      renderOption={(props, o) => (
        <li {...props} key={o.id}>
          {o.name}（{o.caseCount}件）
        </li>
      )}
      renderInput={(p) => <TextField {...p} label="被投诉方" />}
    />
  );
}

/** The investigators a supervisor or administrator may list (users.assignable); others see none by name. */
function useHandlers(allowed: boolean): { id: number; displayName: string }[] {
  const api = useApi();
  const [users, setUsers] = useState<{ id: number; displayName: string }[]>([]);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    void api.call('users.assignable', {}).then((r) => {
      if (live && r.ok) setUsers(r.value.users);
    });
    return () => {
      live = false;
    };
  }, [api, allowed]);
  return allowed ? users : [];
}
