import { cnDate, sentence } from '../format';
import type { NoticeOf } from '../model';
import { Addressee, complaintRef, Items, OtherChannels, P, Paras } from './parts';

/** The notices of the counter (domain.md steps 1–3): receipt, acceptance, refusal, materials, referral. */

/**
 * When the acceptance decision will come (domain.md: the receipt gives the date it is due by).
 * A receipt never promises a date that has passed: for a letter registered after its decision was
 * due, the core says so and the receipt promises the decision without delay (及时), no date.
 */
function decisionPromise(doc: NoticeOf<'receipt'>): string | null {
  if (doc.acceptanceDuePassed) return '本会将及时作出是否受理的决定并告知你。';
  return doc.acceptanceDueOn ? `本会将于${cnDate(doc.acceptanceDueOn)}前作出是否受理的决定并告知你。` : null;
}

export function ReceiptBody({ doc }: { doc: NoticeOf<'receipt'> }) {
  const points = [
    `被投诉方：${doc.respondent.name}`,
    `投诉事项：${(doc.text.matter ?? '').trim()}`,
    decisionPromise(doc),
    `查询办理情况请告知案件编号${doc.office.phone ? `，联系电话：${doc.office.phone}` : ''}`,
  ]
    .filter((p): p is string => p !== null)
    .map(sentence);
  const numerals = '一二三四五六';
  return (
    <>
      <Addressee doc={doc} />
      <P>
        你于{cnDate(doc.receivedOn)}向本会提出的投诉已登记，案件编号为{doc.caseNo}。现将有关事项告知如下：
      </P>
      {points.map((p, i) => (
        <P key={i}>
          {numerals[i]}、{p}
        </P>
      ))}
      <Paras text={doc.text.note} />
    </>
  );
}

export function AcceptanceBody({ doc }: { doc: NoticeOf<'acceptance'> }) {
  return (
    <>
      <Addressee doc={doc} />
      <P>
        {complaintRef(doc)}，经审查，符合受理条件，本会已于{cnDate(doc.acceptedOn)}决定受理。
      </P>
      <P>本会将依照《中华人民共和国消费者权益保护法》第三十七条的规定，对投诉事项进行调查、调解。请保持通讯畅通，并配合提供与投诉有关的证据材料。</P>
      <Paras text={doc.text.note} />
    </>
  );
}

/** "《…办法》第十六条第（三）项“……”、第（五）项“……”": numbered grounds under the article, the office's own rules apart. */
function groundsText(doc: NoticeOf<'refusal'>): string {
  const numbered = doc.grounds.filter((g) => g.item.startsWith('第'));
  const own = doc.grounds.filter((g) => !g.item.startsWith('第'));
  const parts: string[] = [];
  if (numbered.length) parts.push(`${doc.article}${numbered.map((g) => `${g.item}“${g.text}”`).join('、')}规定的情形`);
  if (own.length) parts.push(`${own[0]!.item}规定的${own.map((g) => `“${g.text}”`).join('、')}情形`);
  return parts.join('，以及');
}

export function RefusalBody({ doc }: { doc: NoticeOf<'refusal'> }) {
  return (
    <>
      <Addressee doc={doc} />
      <P>
        {complaintRef(doc)}，经审查，属于{groundsText(doc)}，本会决定不予受理。
      </P>
      <Paras text={doc.text.reason} />
      <OtherChannels />
    </>
  );
}

export function MaterialsBody({ doc }: { doc: NoticeOf<'materials'> }) {
  return (
    <>
      <Addressee doc={doc} />
      <P>{complaintRef(doc)}，经审查，尚需补充下列材料：</P>
      <Items text={doc.text.items} />
      <P>
        请于{cnDate(doc.dueOn)}前将上述材料提交本会{doc.office.address ? `（地址：${doc.office.address}）` : ''}。补正期间不计入受理期限。
      </P>
      <Paras text={doc.text.consequence} />
    </>
  );
}

export function ReferralBody({ doc }: { doc: NoticeOf<'referral'> }) {
  const c = doc.complainant;
  const r = doc.respondent;
  return (
    <>
      <Addressee doc={doc} />
      <P>
        本会于{cnDate(doc.receivedOn)}收到{c.name}投诉{r.name}一案（案件编号：{doc.caseNo}）。经审查，{(doc.text.reason ?? '').trim().replace(/[。；]$/, '')}。现将该投诉转你单位处理，有关情况如下：
      </P>
      <P>
        投诉人：{c.name}，联系电话：{c.phone}
        {c.address ? `，住址：${c.address}` : ''}。
      </P>
      <P>
        被投诉方：{r.name}
        {r.creditCode ? `，统一社会信用代码：${r.creditCode}` : ''}
        {r.address ? `，地址：${r.address}` : ''}
        {r.phone ? `，电话：${r.phone}` : ''}。
      </P>
      <P>投诉事项：{doc.subject}。</P>
      <P>{sentence(`投诉请求：${doc.request}`)}</P>
      <P>请于{cnDate(doc.reportDueOn)}前将处理结果函告本会。</P>
    </>
  );
}

/**
 * 附件说明 (GB/T 9704 7.3.3), printed at the head of the sign block (NoticeView): one unbreakable piece
 * with the signature, so the body's last paragraph goes with both as it does on every notice. Printed
 * between the body and the block, a page of 附件 and the signature alone came out.
 */
export function Attachments({ doc }: { doc: NoticeOf<'referral'> }) {
  const attachments = (doc.text.attachments ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (attachments.length === 0) return null;
  return (
    <div className="cd-gap cd-attachments">
      {attachments.map((a, i) => (
        <P key={i} style={i === 0 ? undefined : { paddingLeft: '3em' }}>
          {i === 0 ? '附件：' : ''}
          {attachments.length > 1 && !/^\d/.test(a) ? `${i + 1}．${a}` : a}
        </P>
      ))}
    </div>
  );
}
