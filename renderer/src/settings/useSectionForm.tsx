import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { InputOf } from '../../../shared/api/contract';
import type { OfficeSettingsView, SettingsSection } from '../../../shared/api/schemas/officeSettings';
import { useOperationForm, type Notice } from '../common/useOperationForm';

export type Saved = OfficeSettingsView & { changed: string[] };

interface Options<V extends FieldValues> {
  section: SettingsSection;
  defaults: V;
  /** The section's values from what was typed; problems only the form can have go into `problems`. */
  toValues: (values: V, problems: Record<string, string>) => Record<string, unknown>;
  /** Other parts of the input beside `values` (the time zone's confirmation). */
  extra?: (values: V) => Record<string, unknown>;
  fromView: (view: OfficeSettingsView) => V;
  onSaved: (saved: Saved) => void;
  /** What to say once saved, beyond 已保存. */
  savedText?: (saved: Saved) => string;
}

/**
 * One section of 办公设置 as a form of its own: checked with the contract's schema before it is
 * sent, saved with `officeSettings.saveSection`, the core's errors (`values.<field>`) under the
 * fields, and the form refilled from what the core then holds.
 */
export function useSectionForm<V extends FieldValues>({ section, defaults, toValues, extra, fromView, onSaved, savedText }: Options<V>) {
  const result = useOperationForm({
    operation: 'officeSettings.saveSection',
    defaults,
    toInput: (v, problems) => ({ section, values: toValues(v, problems), ...extra?.(v) }) as InputOf<'officeSettings.saveSection'>,
    formPath: (p) => p.replace(/^values\./, ''),
    onDone: (saved) => {
      result.form.reset(fromView(saved));
      const text = saved.changed.length === 0 ? '没有改动，无需保存' : `已保存。${savedText?.(saved) ?? ''}`;
      result.setNotice({ severity: saved.changed.length === 0 ? 'warning' : 'success', text });
      onSaved(saved);
    },
  });
  return result;
}

/** A titled part of 办公设置 with its own 保存 (Enter in any of its fields saves it). */
export function SettingsSectionCard({
  title,
  hint,
  notice,
  busy,
  onSubmit,
  children,
}: {
  title: string;
  hint?: ReactNode;
  notice: Notice | null;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Stack
        component="form"
        noValidate
        spacing={1.5}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {hint && (
          <Typography variant="body2" color="text.secondary">
            {hint}
          </Typography>
        )}
        {children}
        {notice && (
          <Alert severity={notice.severity} role={notice.severity === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </Alert>
        )}
        <div>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? '正在保存…' : `保存${title}`}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** A number box left empty is "not a number", which the contract's schema words in Chinese. */
export const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
