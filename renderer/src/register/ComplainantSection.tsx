import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { idTypeLabel, idTypes } from '../../../shared/domain/caseStatus';
import { SelectField } from '../common/SelectField';
import { liftedLabel, textFieldProps } from '../common/textFieldProps';
import { FormSection } from './FormSection';
import type { RegisterForm } from './registerForm';
import { ReturningComplainant } from './ReturningComplainant';
import { AgentFields } from './AgentFields';

const idTypeOptions = idTypes.map((t) => ({ value: t, label: idTypeLabel[t] }));

export function ComplainantSection({ form }: { form: RegisterForm }) {
  // Values filled in from a returning complainant lift their labels too (the fields are uncontrolled).
  const lifted = liftedLabel;
  const [name, phone, idNumber, address] = form.watch(['complainant.name', 'complainant.phone', 'complainant.idNumber', 'complainant.address']);
  return (
    <FormSection step={1} title="投诉人">
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TextField label="投诉人姓名" required autoFocus slotProps={{ inputLabel: lifted(name) }} {...textFieldProps(form, 'complainant.name')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TextField
          label="联系电话"
          required
          slotProps={{ htmlInput: { inputMode: 'tel' }, inputLabel: lifted(phone) }}
          {...textFieldProps(form, 'complainant.phone')}
        />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 2 }}>
        <SelectField control={form.control} name="complainant.idType" label="证件类型" fallback="resident" options={idTypeOptions} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 4 }}>
        <TextField label="证件号码" slotProps={{ inputLabel: lifted(idNumber) }} {...textFieldProps(form, 'complainant.idNumber')} />
      </Grid>
      <Grid size={12}>
        <TextField label="投诉人地址" slotProps={{ inputLabel: lifted(address) }} {...textFieldProps(form, 'complainant.address')} />
      </Grid>
      <ReturningComplainant form={form} />
      <AgentFields form={form} />
    </FormSection>
  );
}
