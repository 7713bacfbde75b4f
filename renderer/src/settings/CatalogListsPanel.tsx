import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { editableLists, type EditableKind } from '../../../shared/domain/catalogLists';
import { useApiQuery } from '../api/useApiQuery';
import { CatalogListSection } from './CatalogListSection';

/**
 * 设置 › 目录: the lists an administrator edits (issue [B]) — 投诉类别 with the everyday words that
 * find them, 投诉性质, 投诉渠道, 处理结果. The refusal and termination grounds are law (总局令第121号)
 * and are kept in 时限规则's rule sets, not here.
 */
export function CatalogListsPanel() {
  const [kind, setKind] = useState<EditableKind>('category');
  const lists = useApiQuery('catalog.lists', {});
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        登记表和案件筛选中可选的目录。改名后已登记的案件随之改名；停用的条目不再供新案件选择，已登记的案件和统计中仍显示其名称。条目只能停用，不能删除。不予受理和终止调解的情形依法规定，在“时限规则”中按规则集维护。
      </Typography>
      <ToggleButtonGroup exclusive size="small" value={kind} onChange={(_e, k: EditableKind | null) => k && setKind(k)} aria-label="目录">
        {editableLists.map((l) => (
          <ToggleButton key={l.kind} value={l.kind} sx={{ px: 2 }}>
            {l.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {lists.data ? (
        <CatalogListSection key={kind} kind={kind} saved={lists.data[kind]} onSaved={lists.reload} />
      ) : (
        <Typography color="text.secondary">{lists.error?.message ?? '正在读取…'}</Typography>
      )}
    </>
  );
}
