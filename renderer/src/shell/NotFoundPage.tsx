import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router-dom';
import { CenteredMessage } from '../common/CenteredMessage';

export function NotFoundPage() {
  return (
    <CenteredMessage>
      没有这个页面。
      <Button component={RouterLink} to="/" sx={{ ml: 1 }}>
        回到今日
      </Button>
    </CenteredMessage>
  );
}
