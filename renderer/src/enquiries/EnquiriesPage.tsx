import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { useToday } from '../session/useToday';
import { EnquiryForm } from './EnquiryForm';
import { ENQUIRY_PAGE_SIZE, EnquiryList } from './EnquiryList';
import { fromEnquiryOf } from './fromEnquiry';

/**
 * 咨询 (DESIGN.md "Screens": a one-line form and today's list). "Today" is the core's (clock.today);
 * another day is one date away. 转为投诉 opens 登记投诉 filled from the enquiry; once saved, the
 * enquiry shows the case number it became.
 */
export function EnquiriesPage() {
  const catalog = useApiQuery('catalog.get', {});
  const today = useToday();
  const navigate = useNavigate();
  const [day, setDay] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const shown = day ?? today;
  const list = useApiQuery('enquiries.list', { from: shown, to: shown, page, pageSize: ENQUIRY_PAGE_SIZE });
  // The session's date may be a day old; the core's answer to clock.today moves the list with it.
  useEffect(() => setPage(1), [shown]);

  if (!catalog.data) {
    if (!catalog.error) return <CenteredMessage loading>正在加载渠道目录…</CenteredMessage>;
    return (
      <Alert severity="error" action={<Button color="inherit" size="small" onClick={catalog.reload}>重试</Button>}>
        {catalog.error.message}
      </Alert>
    );
  }

  return (
    <Stack spacing={1.5}>
      <Typography variant="h5" component="h1">
        咨询登记
      </Typography>
      <EnquiryForm
        catalog={catalog.data}
        onLogged={() => {
          // A new enquiry is usually today's: show today's list with it on top.
          setDay(null);
          setPage(1);
          list.reload();
        }}
      />
      <EnquiryList
        day={shown}
        today={today}
        onDay={(d) => setDay(d === today ? null : d)}
        page={page}
        onPage={setPage}
        list={list}
        onTurnIntoComplaint={(e) => void navigate('/register', { state: { fromEnquiry: fromEnquiryOf(e) } })}
      />
    </Stack>
  );
}
