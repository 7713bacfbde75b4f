import { sessionModeLabel, sessionModes } from '../../api/schemas/workflow';
import { cnDate, cnDateTime, cnYuan, sentence } from '../format';
import type { NoticeOf } from '../model';
import { Addressee, complaintRef, Heading, Items, OtherChannels, P, Paras } from './parts';

/** The notices of handling (domain.md steps 5–7): mediation, its end, and the outcome. */

/** "    年  月  日" in ideographic spaces (U+3000), for a date written by hand. */
const DATE_TO_FILL = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

const modeLabel = (mode: string) => ((sessionModes as readonly string[]).includes(mode) ? sessionModeLabel[mode as (typeof sessionModes)[number]] : mode);

export function MediationNoticeBody({ doc }: { doc: NoticeOf<'mediationNotice'> }) {
  const s = doc.session;
  // A phone or video session may have no place (the mediator calls the parties).
  const where = s.mode === 'onsite' ? `在${s.place}进行${modeLabel(s.mode)}` : `进行${modeLabel(s.mode)}${s.place ? `（${s.place}）` : ''}`;
  return (
    <>
      <Addressee doc={doc} />
      <P>
        关于{doc.complainant.name}投诉{doc.respondent.name}（{doc.subject}）一案（案件编号：{doc.caseNo}），本会定于{cnDateTime(s.date, s.time)}
        {where}，请准时参加。
      </P>
      <P>
        调解员：{s.mediator}
        {s.mediatorPhone ? `，联系电话：${s.mediatorPhone}` : ''}。
      </P>
      <Paras text={doc.text.bring} first="请携带：" />
      <Paras text={doc.text.consequence} />
    </>
  );
}

export function MediationAgreementBody({ doc }: { doc: NoticeOf<'mediationAgreement'> }) {
  const c = doc.complainant;
  const r = doc.respondent;
  const t = doc.text;
  const line = (label: string, value: string | undefined) => (value && value.trim() ? <P>{sentence(`${label}：${value.trim()}`)}</P> : null);
  return (
    <>
      <P className="cd-flush cd-gap">案件编号：{doc.caseNo}</P>
      <div className="cd-parties">
        <P>
          投诉人：{c.name}
          {c.idLine ? `，${c.idLine}` : ''}，联系电话：{c.phone}
          {c.address ? `，住址：${c.address}` : ''}。
        </P>
        {line('委托代理人', t.complainantAgent)}
        <P>
          被投诉人：{r.name}
          {r.creditCode ? `，统一社会信用代码：${r.creditCode}` : ''}
          {r.address ? `，地址：${r.address}` : ''}。
        </P>
        {line('法定代表人（负责人）', t.respondentRepresentative)}
        {line('委托代理人', t.respondentAgent)}
      </div>
      <div className="cd-gap">
        {/* The request has its own line in the text ("投诉请求：…"); the label does not say it again. */}
        <Paras text={t.complaint} first="投诉事项：" />
      </div>
      <P>经本会调解，双方当事人自愿达成如下协议：</P>
      <Items text={t.terms} sentences />
      <P>本调解书经双方当事人签字（盖章）后生效。</P>
      <P>本调解书一式三份，双方当事人各执一份，本会存档一份。</P>
    </>
  );
}

/**
 * Where the parties and the mediator sign the 调解书: part of its sign block (NoticeView), so the
 * signatures, the office's name, date and seal are never parted by a page break.
 */
export function MediationSignatures({ doc }: { doc: NoticeOf<'mediationAgreement'> }) {
  return (
    <div className="cd-signatures">
      <div className="cd-row">
        {/* A party with a 委托代理人 on the 调解书 may sign by that agent; each label fits its half of the line. */}
        <P className="cd-cell">{doc.text.complainantAgent?.trim() ? '投诉人（代理人）签字：' : '投诉人（签字）：'}</P>
        <P className="cd-cell">{doc.text.respondentAgent?.trim() ? '被投诉人（代理人）签章：' : '被投诉人（签字或盖章）：'}</P>
      </div>
      <div className="cd-row cd-gap">
        <P className="cd-cell">{DATE_TO_FILL}</P>
        <P className="cd-cell">{DATE_TO_FILL}</P>
      </div>
      <div className="cd-row cd-gap">
        <P className="cd-cell">调解员（签字）：</P>
        <P className="cd-cell">{doc.mediator ? `（调解员：${doc.mediator}）` : ''}</P>
      </div>
    </div>
  );
}

export function MediationEndedBody({ doc }: { doc: NoticeOf<'mediationEnded'> }) {
  const g = doc.ground;
  const rule = g.item.startsWith('第') ? `${g.article}${g.item}` : g.item;
  return (
    <>
      <Addressee doc={doc} />
      <P>
        {complaintRef(doc)}，本会{doc.acceptedOn ? `于${cnDate(doc.acceptedOn)}` : ''}受理后组织双方进行了调解。因“{g.text}”，依照{rule}的规定，本会决定终止调解。
      </P>
      <Paras text={doc.text.detail} />
      <OtherChannels />
    </>
  );
}

export function OutcomeBody({ doc }: { doc: NoticeOf<'outcome'> }) {
  const money = doc.recoveredFen > 0 ? `为你挽回经济损失${cnYuan(doc.recoveredFen)}${doc.punitiveFen > 0 ? `（其中加倍赔偿${cnYuan(doc.punitiveFen)}）` : ''}。` : '';
  return (
    <>
      <Addressee doc={doc} />
      <P>{complaintRef(doc)}，本会已办理完毕。现将处理结果告知如下：</P>
      <Heading>一、投诉事项</Heading>
      <Paras text={doc.text.complaint} />
      <Heading>二、责任认定</Heading>
      <Paras text={doc.text.responsibility} />
      <Heading>三、处理情况</Heading>
      <Paras text={doc.text.handling} />
      <Heading>四、处理结果</Heading>
      <P>
        {doc.measures.join('、')}。{money}
      </P>
      <Heading>五、反馈方式</Heading>
      <Paras text={doc.text.feedback} />
    </>
  );
}

