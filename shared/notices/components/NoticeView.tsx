import type { ReactNode } from 'react';
import type { NoticeDocument } from '../model';
import { AcceptanceBody, Attachments, MaterialsBody, ReceiptBody, ReferralBody, RefusalBody } from './counterNotices';
import { MediationAgreementBody, MediationEndedBody, MediationNoticeBody, MediationSignatures, OutcomeBody } from './handlingNotices';
import { Head, Remarks, Sign } from './parts';
import { noticeTitle } from '../types';
import { RegistrationFormView } from './RegistrationFormView';

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

/** A correction names the notice it replaces, by number, so whoever holds both knows which counts. */
function correction(doc: NoticeDocument): string | null {
  if (!doc.supersedes) return null;
  const title = noticeTitle[doc.type];
  return `本${title}更正${doc.supersedes.number}${title}，原${title}作废`;
}

/**
 * One notice, as one source for both sides: the page renders it for preview and printing, the core
 * renders it to static HTML for the PDF. Pure: no state, no effects, no browser APIs.
 *
 * It is paper addressed to the complainant (or the business, or the office referred to): what the
 * office says inside — the supervisor's approval, the handler's proposal — stays on the record and
 * in the snapshot, not on the page. The verification line goes in the page's bottom margin
 * (noticePageCss), not in the text.
 */
export function NoticeView({ doc, sealSrc }: NoticeViewProps) {
  return (
    <>
      <div className="cd-notice" lang="zh-CN" data-notice-type={doc.type}>
        <Head doc={doc} />
        {body(doc)}
        {/* 署名, 成文日期, the seal and 附注 stay together, and never stand on a page without text. */}
        <div className="cd-close">
          {doc.type === 'referral' && <Attachments doc={doc} />}
          {doc.type === 'mediationAgreement' && <MediationSignatures doc={doc} />}
          <Sign doc={doc} sealSrc={sealSrc} />
          <Remarks lines={[correction(doc), doc.text.contact]} />
        </div>
      </div>
      {/* 附件 (GB/T 9704 7.4.2): bound with the notice, on its own pages, numbered on with it. */}
      {doc.type === 'referral' && doc.attachment && <RegistrationFormView doc={doc.attachment} attachment />}
    </>
  );
}
