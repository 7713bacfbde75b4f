import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { EARLIEST_RECEIPT_DATE } from '../../../shared/api/schemas/cases';
import type { Catalog } from '../../../shared/api/schemas/catalog';
import { matchingWord, rankCategories, statisticsGroups } from '../../../shared/domain/catalogLists';
import { SelectField } from '../common/SelectField';
import { formatDateTime } from '../format';
import { CodeChoicesInput } from './CodeChoicesInput';
import { FormSection } from './FormSection';
import { PickerField } from '../common/PickerField';
import { useToday } from '../session/useToday';
import type { RegisterForm } from './registerForm';

type Category = Catalog['categories'][number];
type Nature = Catalog['natures'][number];

/** Autocomplete's groupBy needs options grouped together: the 中消协 groups in their order, the administrator's order within each. */
function groupedCategories(categories: Category[]): Category[] {
  const rank = (g: string) => ((statisticsGroups as readonly string[]).indexOf(g) + statisticsGroups.length + 1) % (statisticsGroups.length + 1);
  return [...categories].sort((a, b) => rank(a.group) - rank(b.group));
}

/**
 * A case being corrected may have a category an administrator has since retired: it is shown by
 * its name (never offered for choosing), and stays unless the clerk picks another.
 */
function retiredCategory(catalog: Catalog, code: string): Category | null {
  const r = catalog.retired.find((i) => i.kind === 'category' && i.code === code);
  return r ? { code: r.code, name: `${r.name}（已停用）`, group: '', words: [] } : null;
}

function retiredNature(catalog: Catalog, code: string): Nature | null {
  const r = catalog.retired.find((i) => i.kind === 'nature' && i.code === code);
  return r ? { code: r.code, name: `${r.name}（已停用）` } : null;
}

/**
 * 分类: category and nature (data from catalog.get, never hard-coded), then how, from where and when
 * the complaint came in (投诉渠道, 地区 where the office keeps a list of its districts, 收到时间) and
 * the consents, in that Tab order. `receivedAtLocked` (a correction after acceptance) shows the
 * receipt time read-only with the core's reason.
 */
export function ClassificationSection({ form, catalog, receivedAtLocked }: { form: RegisterForm; catalog: Catalog; receivedAtLocked?: string }) {
  const today = useToday();
  const categories = useMemo(() => groupedCategories(catalog.categories), [catalog.categories]);
  // A corrected case's nature retired since is kept, by name, until the clerk removes it.
  const natures = useCallback(
    (codes: string[]) => codes.map((code) => catalog.natures.find((n) => n.code === code) ?? retiredNature(catalog, code)).filter((n): n is Nature => n !== null),
    [catalog],
  );
  const [typed, setTyped] = useState('');

  return (
    <FormSection step={5} title="分类">
      <Grid size={{ xs: 12, md: 5 }}>
        <Controller
          control={form.control}
          name="category"
          render={({ field, fieldState }) => (
            <Autocomplete<Category>
              options={categories}
              // Grouped by 统计大类 while browsing; best match first while typing, so Enter takes it.
              groupBy={typed.trim() ? undefined : (c) => c.group}
              onInputChange={(_e, text, reason) => setTyped(reason === 'input' ? text : '')}
              getOptionLabel={(c) => c.name}
              // By name or by an everyday word an administrator gave it (typing 手机 finds 家用电子电器).
              filterOptions={(options, { inputValue }) => rankCategories(options, inputValue)}
              renderOption={({ key, ...props }, c, { inputValue }) => {
                const word = matchingWord(c, inputValue);
                return (
                  <li key={key} {...props}>
                    {c.name}
                    {word && (
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                        （{word}）
                      </Typography>
                    )}
                  </li>
                );
              }}
              isOptionEqualToValue={(a, b) => a.code === b.code}
              autoHighlight
              autoSelect
              noOptionsText="没有匹配的类别"
              value={categories.find((c) => c.code === field.value) ?? retiredCategory(catalog, field.value)}
              onChange={(_e, c) => field.onChange(c?.code ?? '')}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="投诉类别"
                  required
                  name={field.name}
                  inputRef={field.ref}
                  onBlur={field.onBlur}
                  error={!!fieldState.error}
                  helperText={fieldState.error?.message}
                />
              )}
            />
          )}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <CodeChoicesInput<Nature> form={form} name="natures" options={catalog.natures} resolve={natures} label="投诉性质" noOptionsText="没有匹配的性质" hint="可多选" />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <SelectField
          control={form.control}
          name="channel"
          label="投诉渠道"
          required
          options={catalog.channels.map((c) => ({ value: c.code, label: c.name }))}
        />
      </Grid>
      {catalog.regions.length > 0 && (
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <SelectField
            control={form.control}
            name="region"
            label="地区"
            options={[{ value: '', label: '（不填）' }, ...catalog.regions.map((r) => ({ value: r.code, label: r.name }))]}
          />
        </Grid>
      )}
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        {receivedAtLocked ? (
          // A correction after the acceptance decision: the core says why the receipt time stays.
          <TextField label="收到时间" value={formatDateTime(form.getValues('receivedAt'))} helperText={receivedAtLocked} slotProps={{ htmlInput: { readOnly: true } }} />
        ) : (
          <PickerField form={form} name="receivedAt" label="收到时间" kind="dateTime" hint="留空即为当前时间" minDate={EARLIEST_RECEIPT_DATE} maxDate={today} />
        )}
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Stack direction="row" spacing={3}>
          <ConsentBox form={form} name="consentMediation" label="同意调解" />
          <ConsentBox form={form} name="consentPublication" label="同意公开" />
        </Stack>
      </Grid>
    </FormSection>
  );
}

function ConsentBox({
  form,
  name,
  label,
}: {
  form: RegisterForm;
  name: 'consentMediation' | 'consentPublication';
  label: string;
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormControlLabel
          label={label}
          control={
            <Checkbox
              name={field.name}
              checked={field.value}
              onChange={(e) => field.onChange(e.target.checked)}
              onBlur={field.onBlur}
              slotProps={{ input: { ref: field.ref } }}
            />
          }
        />
      )}
    />
  );
}
