import type { ReactNode } from 'react';
import type { NoticeDocument } from '../model';
import { AcceptanceBody, MaterialsBody, ReceiptBody, ReferralBody, RefusalBody } from './counterNotices';
import { approvalRemark, MediationAgreementBody, MediationEndedBody, MediationNoticeBody, OutcomeBody } from './handlingNotices';
import { Anchor, Head, Remarks, Sign } from './parts';

export interface NoticeViewProps {
  doc: NoticeDocument;
  /** The seal image (a data: URL), or null to leave the space for a stamped seal. */
  sealSrc: string | null;
}

function body(doc: NoticeDocument): ReactNode {
  switch (doc.type) {
    case 'receipt':
      return <ReceiptBody doc={doc} />;
    case 'acceptance':
      return <AcceptanceBody doc={doc} />;
    case 'refusal':
      return <RefusalBody doc={doc} />;
    case 'materials':
      return <MaterialsBody doc={doc} />;
    case 'referral':
      return <ReferralBody doc={doc} />;
    case 'mediationNotice':
      return <MediationNoticeBody doc={doc} />;
    case 'mediationAgreement':
      return <MediationAgreementBody doc={doc} />;
    case 'mediationEnded':
      return <MediationEndedBody doc={doc} />;
    case 'outcome':
      return <OutcomeBody doc={doc} />;
  }
}

/** Notices whose decision a supervisor approved name the approval (API.md: 不予受理, 处理结果). */
function approval(doc: NoticeDocument): string | null {
  if (doc.type === 'refusal') return approvalRemark(doc.approval, '本决定');
  if (doc.type === 'outcome') return approvalRemark(doc.approval, '本处理意见');
  return null;
}

/**
 * One notice, as one source for both sides: the page renders it for preview and printing, the core
 * renders it to static HTML for the PDF. Pure: no state, no effects, no browser APIs.
 */
export function NoticeView({ doc, sealSrc }: NoticeViewProps) {
  return (
    <div className="cd-notice" lang="zh-CN" data-notice-type={doc.type}>
      <Head doc={doc} />
      {body(doc)}
      {/* 署名, 成文日期 and 附注 stay together, and never stand on a page without text. */}
      <div className="cd-close">
        <Sign doc={doc} sealSrc={sealSrc} />
        <Remarks lines={[approval(doc), doc.text.contact]} />
      </div>
      <Anchor doc={doc} />
    </div>
  );
}
