import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Controller } from 'react-hook-form';
import { textFieldProps } from '../../../common/textFieldProps';
import { satisfactionLabel } from '../labels';
import { ActionDialog } from './ActionDialog';
import { useActionForm, type ActionDialogProps } from './useActionForm';


/** 回访: how satisfied the complainant is, 1 to 5; a low mark leads the handler to reopen the case. */
export function FollowUpDialog(props: ActionDialogProps) {
  const { c } = props;
  const { form, dialog } = useActionForm({
    ...props,
    action: 'followUp',
    defaults: { satisfaction: 0, note: '' },
    toFields: (v) => ({ satisfaction: v.satisfaction || undefined, note: v.note }),
  });
  return (
    <ActionDialog {...dialog} intro={`处理结果告知后，本案须回访 ${c.followUpsRequired} 次；不满意的，可重新调查。`}>
      <Controller
        control={form.control}
        name="satisfaction"
        render={({ field, fieldState }) => (
          <FormControl error={!!fieldState.error} required>
            <FormLabel id="satisfaction-label">投诉人满意度</FormLabel>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Rating
                name="satisfaction"
                aria-labelledby="satisfaction-label"
                value={field.value || null}
                onChange={(_e, v) => field.onChange(v ?? 0)}
                getLabelText={(v) => `${v} 分，${satisfactionLabel[v]}`}
              />
              <Typography variant="body2">{field.value ? `${field.value} 分 · ${satisfactionLabel[field.value]}` : '请选择（方向键或 1–5 星）'}</Typography>
            </Stack>
            {fieldState.error && <FormHelperText>{fieldState.error.message}</FormHelperText>}
          </FormControl>
        )}
      />
      <TextField label="回访情况" required multiline minRows={3} {...textFieldProps(form, 'note')} />
    </ActionDialog>
  );
}
