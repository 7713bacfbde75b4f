import Alert from '@mui/material/Alert';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { idTypeLabel } from '../../../../shared/domain/caseStatus';
import { formatDateCn, formatDateTime, formatYuan } from '../../format';
import { FieldList } from './FieldList';

const yesNo = (v: boolean | null) => (v === null ? '未说明' : v ? '是' : '否');

/** 概况: the parties and the facts as registered. */
export function OverviewTab({ c }: { c: CaseDetail }) {
  return (
    <>
      <FieldList
        title="投诉人"
        items={[
          { label: '姓名', value: c.complainant.name },
          { label: '联系电话', value: c.complainant.phone },
          {
            label: '证件',
            value: c.complainant.idNumber ? `${idTypeLabel[c.complainant.idType]} ${c.complainant.idNumber}` : null,
          },
          { label: '地址', value: c.complainant.address, wide: true },
        ]}
      />
      {c.agent && (
        <FieldList
          title="代理人"
          items={[
            { label: '姓名', value: c.agent.name },
            { label: '联系电话', value: c.agent.phone },
            { label: '与投诉人关系', value: c.agent.relation },
            { label: '授权委托书', value: c.agent.authorizationReceived ? '已收到' : '未收到（请补交）' },
          ]}
        />
      )}
      <FieldList
        title="被投诉方"
        items={[
          { label: '名称', value: c.respondent.name },
          { label: '统一社会信用代码', value: c.respondent.creditCode },
          { label: '联系人', value: c.respondent.contactPerson },
          { label: '电话', value: c.respondent.phone },
          { label: '地址', value: c.respondent.address, wide: true },
        ]}
      />
      {c.purchaseOverLimitation && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          购买日期距收到投诉已超过三年：若投诉人知道或者应当知道权益受到侵害已超过三年，属于不予受理的情形（登记时已核实）。
        </Alert>
      )}
      <FieldList
        title="消费经过"
        items={[
          { label: '商品或服务名称', value: c.subject },
          { label: '购买日期', value: c.purchasedOn ? formatDateCn(c.purchasedOn) : null },
          { label: '实付金额', value: formatYuan(c.amountPaidFen) },
          { label: '购买店铺', value: c.purchasePlace.shop },
          { label: '购买平台', value: c.purchasePlace.platform },
          { label: '订单号', value: c.purchasePlace.orderNo },
          { label: '投诉事实', value: c.facts, wide: true },
        ]}
      />
      <FieldList
        title="诉求"
        items={[
          { label: '请求类型', value: c.requestTypes.map((t) => t.name).join('、') },
          { label: '投诉请求', value: c.request, wide: true },
          { label: '请求金额', value: formatYuan(c.amountClaimedFen) },
        ]}
      />
      <FieldList
        title="分类与意愿"
        items={[
          { label: '投诉类别', value: `${c.category.group} · ${c.category.name}` },
          { label: '投诉性质', value: c.natures.map((n) => n.name).join('、') },
          { label: '投诉渠道', value: c.channel.name },
          { label: '同意调解', value: yesNo(c.consentMediation) },
          { label: '同意公开', value: yesNo(c.consentPublication) },
        ]}
      />
      <FieldList
        title="登记"
        items={[
          { label: '收到时间', value: formatDateTime(c.receivedAt) },
          { label: '登记人', value: c.registeredBy.displayName },
          { label: '登记时间', value: formatDateTime(c.createdAt) },
        ]}
      />
    </>
  );
}
