import { Children, type ComponentProps, type ReactNode } from 'react';
import { cnDate, paragraphs, sentence } from '../format';
import type { NoticeDocument } from '../model';
import { noticeTitle } from '../types';

/**
 * The parts every notice shares, laid out as GB/T 9704-2012 lays out a document: 版头 (the office's
 * name in red, the number, the red rule), 标题, 主送, 正文, 署名 and 成文日期 under the seal, 附注.
 */

/**
 * Runs of ten or more letters and digits — an ID number, a credit code, a phone or case number —
 * may break anywhere (styles.ts `.cd-code`), so the line before one is filled rather than
 * stretched into spaced-out characters; shorter ones (55英寸, 2026年) stay whole.
 */
const CODE = /[0-9A-Za-z][0-9A-Za-z\-_./:@]{9,}/g;

function breakable(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(CODE)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(
      <span key={m.index} className="cd-code">
        {m[0]}
      </span>,
    );
    at = m.index + m[0].length;
  }
  if (parts.length === 0) return text;
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** A paragraph of a notice: its words, with long numbers free to break (`breakable`). */
export function P({ children, ...props }: ComponentProps<'p'>) {
  return <p {...props}>{Children.map(children, (c) => (typeof c === 'string' ? breakable(c) : c))}</p>;
}

/** 发文机关标志: as large as the line allows, at most 26 pt, never wider than the text block. */
const officeSize = (name: string) => `${Math.max(16, Math.min(26, Math.floor(430 / (Math.max(name.length, 1) * 1.05))))}pt`;

export function Head({ doc }: { doc: NoticeDocument }) {
  return (
    <>
      <div className="cd-office" style={{ fontSize: officeSize(doc.office.name) }}>
        {doc.office.name}
      </div>
      <P className="cd-number" data-notice-number="">
        {doc.number.head}
        {doc.number.seq === null ? <span className="cd-number-blank">{'\u3000\u3000'}</span> : doc.number.seq}号
      </P>
      <hr className="cd-rule" />
      <h1>{noticeTitle[doc.type]}</h1>
    </>
  );
}

export function Addressee({ doc }: { doc: NoticeDocument }) {
  return <P className="cd-addressee">{(doc.text.addressee ?? '').trim()}：</P>;
}

/** A free-text box: one indented paragraph per line, each ending as a sentence ends. */
export function Paras({ text, first }: { text: string | undefined; first?: string }) {
  const list = paragraphs(text);
  if (list.length === 0) return first ? <P>{first}</P> : null;
  return (
    <>
      {list.map((line, i) => (
        <P key={i}>{`${i === 0 && first ? first : ''}${sentence(line)}`}</P>
      ))}
    </>
  );
}

/**
 * A line that already carries its own number, in any of the forms of GB/T 9704 7.3.3 or as typed:
 * 1． 1. 1、 (1) （1） 一、 （一） ① — the list does not number it again ("1．一、…").
 */
const NUMBERED = /^(\d+\s*[.．、]|[(（]\s*(\d+|[一二三四五六七八九十]+)\s*[)）]|[一二三四五六七八九十]+\s*、|[\u2460-\u2473])/;

/**
 * A numbered list from a box of one item per line: 1．… 2．… (GB/T 9704 7.3.3 层次序数); items
 * the clerk numbered are kept as typed. `sentences`: each item is a sentence and ends as one.
 */
export function Items({ text, sentences = false }: { text: string | undefined; sentences?: boolean }) {
  const list = paragraphs(text);
  const numbered = list.some((line) => NUMBERED.test(line));
  return (
    <>
      {list.map((line, i) => {
        const item = sentences ? sentence(line) : line;
        return <P key={i}>{numbered ? item : `${i + 1}．${item}`}</P>;
      })}
    </>
  );
}

/** 一级标题: 一、… in bold (黑体 in the standard; the bundled face's real bold here), kept with what follows. */
export function Heading({ children }: { children: ReactNode }) {
  return (
    <P className="cd-heading">
      <span className="cd-strong">{children}</span>
    </P>
  );
}

/**
 * 署名 and 成文日期 with the seal (GB/T 9704 7.3.5.1): the date four characters in from the right,
 * the issuer centred over it, the seal centred over both so that they sit a little below its
 * centre; with no seal image the same space stays free for a stamped one.
 */
export function Sign({ doc, sealSrc }: { doc: NoticeDocument; sealSrc: string | null }) {
  return (
    <div className="cd-sign">
      <div className="cd-sign-inner">
        <div className="cd-issuer">{doc.office.issuer}</div>
        <div className="cd-date">{cnDate(doc.date)}</div>
        {sealSrc && <img className="cd-seal" src={sealSrc} alt="" />}
      </div>
    </div>
  );
}

/** 附注: in parentheses, two characters in, on the line under the date. */
export function Remarks({ lines }: { lines: (string | null | undefined)[] }) {
  const shown = lines.map((l) => (l ?? '').trim()).filter((l) => l !== '');
  return (
    <>
      {shown.map((l, i) => (
        <P key={i} className="cd-remark">
          （{l.replace(/^（|）$/g, '')}）
        </P>
      ))}
    </>
  );
}

/**
 * The other ways to resolve the dispute, in the words of 消法第三十九条 (domain.md "Laws and rules
 * in force"), where the association's own handling is refused or has ended.
 */
export function OtherChannels() {
  return (
    <P>
      依照《中华人民共和国消费者权益保护法》第三十九条的规定，你可以通过下列途径解决争议：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的其他调解组织调解；（三）向有关行政部门投诉；（四）根据与经营者达成的仲裁协议提请仲裁机构仲裁；（五）向人民法院提起诉讼。
    </P>
  );
}

/** "你于2026年11月2日向本会投诉某某公司（某商品）一事（案件编号：…）" — how most notices open. */
export const complaintRef = (doc: NoticeDocument) => `你于${cnDate(doc.receivedOn)}向本会投诉${doc.respondent.name}（${doc.subject}）一事（案件编号：${doc.caseNo}）`;
