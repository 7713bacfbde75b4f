import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Controller } from 'react-hook-form';
import { FormSection } from './FormSection';
import type { RegisterForm } from './registerForm';
import { useRespondentSearch, type RespondentOption } from './useRespondentSearch';

const DETAIL_FIELDS = [
  { name: 'respondent.creditCode', label: '统一社会信用代码', size: 4 },
  { name: 'respondent.contactPerson', label: '联系人', size: 4 },
  { name: 'respondent.phone', label: '被投诉方电话', size: 4 },
  { name: 'respondent.address', label: '被投诉方地址', size: 12 },
] as const;

/**
 * Respondents are reused across cases (domain.md, step 1): the name box searches the register as
 * the clerk types; picking a suggestion links the case to that respondent, typing on makes a new one.
 */
export function RespondentSection({ form }: { form: RegisterForm }) {
  const id = form.watch('respondent.id');
  const [picked, setPicked] = useState<RespondentOption | null>(null);
  const current = picked !== null && picked.id === id ? picked : null;
  const name = form.watch('respondent.name');
  const { options, loading } = useRespondentSearch(current ? '' : name);
  // A restored 草稿 names its picked respondent by id alone: shown as picked once the search finds it.
  useEffect(() => {
    if (id === null || current !== null) return;
    const again = options.find((o) => o.id === id);
    if (again) setPicked(again);
  }, [id, current, options]);

  const pick = (option: RespondentOption) => {
    setPicked(option);
    const how = { shouldDirty: true };
    form.setValue('respondent.id', option.id, how);
    form.setValue('respondent.name', option.name, how);
    form.setValue('respondent.creditCode', option.creditCode ?? '', how);
    form.setValue('respondent.contactPerson', option.contactPerson ?? '', how);
    form.setValue('respondent.phone', option.phone ?? '', how);
    form.setValue('respondent.address', option.address ?? '', how);
    form.clearErrors('respondent');
  };

  return (
    <FormSection step={2} title="被投诉方">
      <Grid size={12}>
        <Controller
          control={form.control}
          name="respondent.name"
          render={({ field, fieldState }) => (
            <Autocomplete<RespondentOption, false, false, true>
              freeSolo
              options={options}
              loading={loading}
              loadingText="正在查找…"
              noOptionsText="没有同名的被投诉方，将登记为新的被投诉方"
              filterOptions={(x) => x}
              value={current}
              inputValue={field.value}
              onInputChange={(_event, value, reason) => {
                // 'reset' echoes our own value changes; only the clerk's typing edits the name.
                if (reason !== 'input' && reason !== 'clear') return;
                field.onChange(value);
                if (id !== null) form.setValue('respondent.id', null, { shouldDirty: true });
              }}
              onChange={(_event, value) => {
                if (value !== null && typeof value !== 'string') pick(value);
              }}
              getOptionLabel={(o) => (typeof o === 'string' ? o : o.name)}
              isOptionEqualToValue={(o, v) => typeof v !== 'string' && o.id === v.id}
              renderOption={({ key, ...props }, o) => (
                <Box component="li" key={key} {...props} sx={{ display: 'block !important' }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {o.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {[o.creditCode, o.address, `已有 ${o.caseCount} 件投诉`].filter(Boolean).join(' · ')}
                  </Typography>
                </Box>
              )}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label="被投诉方名称"
                  required
                  name={field.name}
                  inputRef={field.ref}
                  onBlur={field.onBlur}
                  error={!!fieldState.error}
                  helperText={
                    fieldState.error?.message ??
                    (current
                      ? `已选用系统中的被投诉方（已有 ${current.caseCount} 件投诉）；改动名称即作为新的被投诉方登记`
                      : '输入名称可查找已登记过的被投诉方，按 ↓ 选择')
                  }
                />
              )}
            />
          )}
        />
      </Grid>
      {DETAIL_FIELDS.map((f) => (
        <Grid key={f.name} size={{ xs: 12, md: f.size }}>
          {/* Controlled, so values filled in by picking a respondent lift their labels too. */}
          <Controller
            control={form.control}
            name={f.name}
            render={({ field, fieldState }) => (
              <TextField
                label={f.label}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                error={!!fieldState.error}
                helperText={fieldState.error?.message}
                slotProps={{ htmlInput: { readOnly: current !== null } }}
                sx={current ? { '& .MuiInputBase-root': { bgcolor: 'action.hover' } } : undefined}
              />
            )}
          />
        </Grid>
      ))}
    </FormSection>
  );
}
