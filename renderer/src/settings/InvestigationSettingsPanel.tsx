import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { ChecklistTemplatesSection } from './ChecklistTemplatesSection';
import { EvidenceVerifySection } from './EvidenceVerifySection';

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {hint}
      </Typography>
      {children}
    </Paper>
  );
}

/** 设置 › 调查与证据: the checklist templates per category and the vault check. */
export function InvestigationSettingsPanel() {
  return (
    <>
      <Section title="调查清单" hint="每个投诉类别的调查清单模板。保存后成为新版本：新登记的案件使用新版本，已登记的案件保留登记时的清单。">
        <ChecklistTemplatesSection />
      </Section>
      <Section title="证据库校验" hint="重新计算每个证据文件的 SHA-256，找出缺失或被改动的文件。单个文件的大小上限在“办公设置 › 证据”中设置。">
        <EvidenceVerifySection />
      </Section>
    </>
  );
}
