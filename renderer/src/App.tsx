import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { zhCN as pickersZhCN } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/zh-cn';
import { SessionGate } from './session/SessionGate';
import { theme } from './theme';

const pickerLocaleText = pickersZhCN.components.MuiLocalizationProvider.defaultProps.localeText;

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale="zh-cn" localeText={pickerLocaleText}>
        <SessionGate />
      </LocalizationProvider>
    </ThemeProvider>
  );
}
