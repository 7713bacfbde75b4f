import { createTheme } from '@mui/material/styles';
import { zhCN as materialZhCN } from '@mui/material/locale';
import { zhCN as dataGridZhCN } from '@mui/x-data-grid/locales';

const fontFamily = ['"Noto Sans SC"', '"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'].join(', ');

/**
 * A calm office look: one dark-blue primary, small dense controls that still read well at a
 * counter, and the bundled Noto Sans SC (served by the app itself, so the CSP's font-src 'self' and
 * the offline desk allow it), the system's Chinese fonts behind it.
 */
export const theme = createTheme(
  {
    palette: {
      primary: { main: '#1f4e79' },
      secondary: { main: '#5b6b7a' },
      // Darker than MUI's own, so text in these colours (outlined chips, counts, hints) reads at
      // 4.5:1 or more on white and on the page's grey (WCAG 1.4.3; MUI's are 3.1 and 3.9).
      warning: { main: '#b45309' },
      info: { main: '#01579b' },
      background: { default: '#f4f6f8' },
    },
    typography: { fontFamily, fontSize: 14, button: { textTransform: 'none' } },
    shape: { borderRadius: 4 },
    components: {
      // Focus moved to a field (Tab, "first wrong field") never hides it under the fixed app bar
      // or the register page's sticky save bar.
      MuiCssBaseline: { styleOverrides: { html: { scrollPaddingTop: 64, scrollPaddingBottom: 88 } } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      // Labels stay exactly the field's name (no " *" in the label text, which screen readers and
      // tests read); required fields get the mark from CSS instead.
      MuiInputLabel: {
        defaultProps: { required: false },
        styleOverrides: {
          root: {
            // The alternative text after "/" keeps the mark out of the accessible name.
            '.MuiFormControl-root:has(:is(input, textarea)[required]) > &::after': {
              content: '" *" / ""',
              color: '#c62828',
            },
          },
        },
      },
      MuiFormControl: { defaultProps: { size: 'small' } },
      // A disabled field's hint still says what the field is for: it stays readable (4.5:1).
      MuiFormHelperText: { styleOverrides: { root: ({ theme: t }) => ({ '&.Mui-disabled': { color: t.palette.text.secondary } }) } },
      MuiAutocomplete: { defaultProps: { size: 'small' } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  },
  materialZhCN,
  dataGridZhCN,
);

export { dataGridZhCN };
