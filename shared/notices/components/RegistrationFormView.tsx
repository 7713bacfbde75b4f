import type { ReactNode } from 'react';
import { cnDate, cnYuan, paragraphs } from '../format';
import { REGISTRATION_FORM_TITLE, type RegistrationFormDocument } from '../registrationForm';

/** A box of the form with nothing in it prints as a blank to fill, never as "null". */
const blank = '';
const yesNo = (v: boolean | null, yes: string, no: string) => (v === null ? '未表示' : v ? yes : no);
const money = (fen: number | null) => (fen === null ? blank : cnYuan(fen));

/** The group a row opens (投诉人, 代理人 …): written down the left edge of the form over `rows` rows. */
type Group = { label: string; rows: number };

function GroupCell({ group }: { group?: Group }) {
  return group ? (
    <th rowSpan={group.rows} className="cd-form-group">
      {group.label}
    </th>
  ) : null;
}

/** `wide`: a row of no group, its label across the group's column too. */
function Row({ cells, group, wide = false }: { cells: [string, ReactNode, string?, ReactNode?]; group?: Group; wide?: boolean }) {
  const [l1, v1, l2, v2] = cells;
  return (
    <tr>
      <GroupCell group={group} />
      <th colSpan={wide ? 2 : undefined}>{l1}</th>
      {l2 === undefined ? (
        <td colSpan={3}>{v1}</td>
      ) : (
        <>
          <td>{v1}</td>
          <th>{l2}</th>
          <td>{v2}</td>
        </>
      )}
    </tr>
  );
}

/**
 * The long parts (facts, request): a row of their own, free to run over pages line by line, its
 * label across the group's column (a group's name written down the edge of a row that runs over
 * pages would stand in the middle of its text).
 */
function Long({ label, text }: { label: string; text: string }) {
  const lines = paragraphs(text);
  return (
    <tr className="cd-form-long">
      <th colSpan={2}>{label}</th>
      <td colSpan={3}>{lines.length ? lines.map((l, i) => <p key={i}>{l}</p>) : <p>{blank}</p>}</td>
    </tr>
  );
}

const Cols = () => (
  <colgroup>
    <col className="cd-form-groupcol" />
    <col className="cd-form-label" />
    <col />
    <col className="cd-form-label" />
    <col />
  </colgroup>
);

/**
 * The 投诉登记表 as one ruled table a person reads and fills, in the way of the office's paper
 * forms: the groups (投诉人, 代理人, 被投诉方 …) written down the left edge, every field of the
 * registration (domain.md step 1) in label–value cells, a blank box where nothing was recorded,
 * the long facts free to run over pages row by row, and the consents, the declaration, the
 * complainant's signature and the clerk's name kept together with the request's row (never alone
 * at the top of a page). Pure, one source for the PDF and the page, like NoticeView.
 * `attachment`: printed after a 转办通知书 as its 附件 (GB/T 9704 7.4.2: 附件另面编排，"附件"二字
 * 顶格 in the first line).
 */
export function RegistrationFormView({ doc, attachment = false }: { doc: RegistrationFormDocument; attachment?: boolean }) {
  const c = doc.complainant;
  const a = doc.agent;
  const r = doc.respondent;
  const p = doc.purchasePlace;
  const received = `${cnDate(doc.receivedAt)}${doc.receivedAt.slice(10).replace(/^[ T](\d{2}):(\d{2}).*$/, '$1:$2')}`;
  return (
    <div className={`cd-form${attachment ? ' cd-form-attachment' : ''}`} lang="zh-CN" data-form="registration">
      {attachment && <p className="cd-form-annex">附件</p>}
      <p className="cd-form-office">{doc.office}</p>
      <h1>{REGISTRATION_FORM_TITLE}</h1>
      <p className="cd-form-caseno">
        案件编号：<span className="cd-code">{doc.caseNo}</span>
      </p>
      <table className="cd-form-table">
        <Cols />
        <tbody>
          <Row group={{ label: '登记', rows: 2 }} cells={['收到日期', received, '投诉渠道', doc.channel]} />
          <Row cells={['投诉类别', doc.category, '所属区域', doc.region ?? blank]} />
          <Row group={{ label: '投诉人', rows: 3 }} cells={['姓名', c.name, '联系电话', <span className="cd-code">{c.phone}</span>]} />
          <Row cells={['证件类型', c.idType, '证件号码', <span className="cd-code">{c.idNumber ?? blank}</span>]} />
          <Row cells={['住址', c.address ?? blank]} />
          <Row group={{ label: '代理人', rows: 2 }} cells={['姓名', a?.name ?? '无', '联系电话', <span className="cd-code">{a?.phone ?? blank}</span>]} />
          <Row cells={['与投诉人关系', a?.relation ?? blank, '授权委托书', a ? (a.authorizationReceived ? '已收到' : '未收到') : blank]} />
          <Row group={{ label: '被投诉方', rows: 4 }} cells={['名称', r.name]} />
          <Row cells={['统一社会信用代码', <span className="cd-code">{r.creditCode ?? blank}</span>]} />
          <Row cells={['联系人', r.contactPerson ?? blank, '联系电话', <span className="cd-code">{r.phone ?? blank}</span>]} />
          <Row cells={['地址', r.address ?? blank]} />
          <Row group={{ label: '购买情况', rows: 4 }} cells={['商品或服务', doc.subject]} />
          <Row cells={['购买日期', doc.purchasedOn ? cnDate(doc.purchasedOn) : blank, '实付金额', money(doc.amountPaidFen)]} />
          <Row cells={['购买店铺', p.shop ?? blank, '购买平台', p.platform ?? blank]} />
          <Row cells={['订单号', <span className="cd-code">{p.orderNo ?? blank}</span>]} />
        </tbody>
      </table>
      <table className="cd-form-table cd-form-flow">
        <Cols />
        <tbody>
          <Long label="投诉事实" text={doc.facts} />
          <Row wide cells={['请求类型', doc.requestTypes.join('、') || blank, '请求金额', money(doc.amountClaimedFen)]} />
          <Long label="投诉请求" text={doc.request} />
        </tbody>
      </table>
      {/* The consents, the declaration and the signatures: one piece, so the signature never stands alone on a page. */}
      <div className="cd-form-close">
        <table className="cd-form-table">
          <Cols />
          <tbody>
            <Row group={{ label: '确认', rows: 2 }} cells={['同意调解', yesNo(doc.consentMediation, '同意', '不同意'), '同意公开', yesNo(doc.consentPublication, '同意', '不同意')]} />
            <tr className="cd-form-sign">
              <td colSpan={4}>
                <p>本人确认以上登记内容与本人陈述一致，所提供的材料真实。</p>
                <p className="cd-form-signline">
                  <span>
                    投诉人{a ? '（代理人）' : ''}（签字）：<span className="cd-form-fill" />
                  </span>
                  <span>
                    日期：<span className="cd-form-fill cd-form-fill-short" />
                  </span>
                </p>
                <p className="cd-form-signline">
                  <span>登记人：{doc.registeredBy}</span>
                  <span>打印日期：{cnDate(doc.printedOn)}</span>
                </p>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
