import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import { noticeAvailability, noticeFactsOf } from '../../../shared/notices/availability';
import { noticeIssuerRefusal } from '../../../shared/notices/issuers';
import { useSession } from '../session/SessionContext';
import { noticeTitle } from '../../../shared/notices/types';
import { formatDateTime } from '../format';
import { IssuedNoticeDialog } from './IssuedNoticeDialog';
import { NoticeEditor, type EditRequest } from './NoticeEditor';
import { noticePdfUrl } from '../api/client';
import { useNoticePrinting } from './useNoticePrinting';
import { DossierSection } from './DossierSection';

/**
 * 文书: the notices the case allows now (the shared rule the core checks too), the ones issued
 * with their numbers, and for each: view, print, save as PDF, correct.
 */
export function NoticesTab({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const printing = useNoticePrinting();
  const [editing, setEditing] = useState<EditRequest | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { user } = useSession();
  // What the case allows now, and whether this user may issue it (both shared rules the core checks too).
  const available = noticeAvailability(noticeFactsOf(c)).map((a) => ({ ...a, refusal: a.refusal ?? noticeIssuerRefusal(a.type, user, c.handler?.id ?? null) }));

  const print = async (id: number) => {
    const problem = await printing.printIssued(id);
    setMessage(problem ? { ok: false, text: problem } : { ok: true, text: '已送打印并记录' });
    reload();
  };
  const printForm = async () => {
    const problem = await printing.printRegistrationForm(c.id);
    setMessage(problem ? { ok: false, text: problem } : { ok: true, text: '投诉登记表已存档并送打印，请投诉人阅后签字' });
    reload();
  };
  const savedPdf = (id: number) => {
    printing.logPdf(id);
    window.setTimeout(reload, 300);
  };

  return (
    <Stack spacing={2}>
      <section aria-label="签发文书">
        <Typography variant="subtitle2" component="h3" sx={{ color: 'primary.main', fontWeight: 600, mb: 1 }}>
          签发文书
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {available.map(({ type, refusal }) => (
            <Tooltip key={type} title={refusal ?? ''} describeChild>
              <span>
                <Button variant="outlined" size="small" disabled={refusal !== null} onClick={() => setEditing({ type })}>
                  {noticeTitle[type]}
                </Button>
              </span>
            </Tooltip>
          ))}
          {/* The record, not a decision: no number, anyone who reads the case may print it for the complainant to sign. */}
          <Button variant="outlined" size="small" color="secondary" disabled={printing.printing} onClick={() => void printForm()}>
            打印投诉登记表
          </Button>
        </Stack>
      </section>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      <section aria-label="已签发文书">
        <Typography variant="subtitle2" component="h3" sx={{ color: 'primary.main', fontWeight: 600, mb: 1 }}>
          已签发文书
        </Typography>
        {c.notices.length === 0 ? (
          <Typography color="text.secondary">尚未签发文书</Typography>
        ) : (
          <Table size="small" aria-label="已签发文书">
            <TableHead>
              <TableRow>
                <TableCell>文号</TableCell>
                <TableCell>文书</TableCell>
                <TableCell>签发</TableCell>
                <TableCell align="right">页数</TableCell>
                <TableCell align="right">打印</TableCell>
                <TableCell>更正</TableCell>
                <TableCell align="right">操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {c.notices.map((n) => (
                <TableRow key={n.id} sx={n.supersededBy ? { '& td': { color: 'text.secondary' } } : undefined}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{n.number}</TableCell>
                  <TableCell>{noticeTitle[n.type]}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(n.issuedAt)} {n.issuedBy.displayName}
                  </TableCell>
                  <TableCell align="right">{n.pages}</TableCell>
                  <TableCell align="right">{n.prints}</TableCell>
                  <TableCell>
                    {n.supersededBy && <Chip size="small" label={`已被 ${n.supersededBy.number} 更正`} />}
                    {n.supersedes && <Chip size="small" color="info" variant="outlined" label={`更正 ${n.supersedes.number}：${n.correctionReason ?? ''}`} />}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setViewing(n.id)} aria-label={`查看 ${n.number}`}>
                      查看
                    </Button>
                    <Button size="small" onClick={() => void print(n.id)} disabled={printing.printing} aria-label={`打印 ${n.number}`}>
                      打印
                    </Button>
                    <Button size="small" component="a" href={noticePdfUrl(n.id, true)} download onClick={() => savedPdf(n.id)} aria-label={`另存 ${n.number} 为PDF`}>
                      PDF
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {(c.status === 'closed' || c.status === 'refused') && <DossierSection c={c} reload={reload} />}
      {editing && (
        <NoticeEditor
          c={c}
          request={editing}
          onClose={() => setEditing(null)}
          onIssued={(issued) => {
            setEditing(null);
            setMessage({ ok: true, text: `已签发 ${issued.number}` });
            reload();
            setViewing(issued.id);
          }}
        />
      )}
      {viewing !== null && (
        <IssuedNoticeDialog
          id={viewing}
          onClose={() => setViewing(null)}
          onPrint={(id) => void print(id)}
          onSavePdf={savedPdf}
          onCorrect={(id, document) => {
            const old = c.notices.find((n) => n.id === id);
            setViewing(null);
            setEditing({
              type: document.type,
              supersedes: { id, number: old?.number ?? '', text: document.text, sessionId: document.type === 'mediationNotice' ? document.session.id : undefined },
            });
          }}
        />
      )}
      {printing.element}
    </Stack>
  );
}
