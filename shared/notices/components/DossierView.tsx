import { cnDate } from '../format';
import { dossierPartTitle, type DossierContentsRow, type DossierCover, type DossierClosing, type DossierPart, type DossierPhoto } from '../dossier';

/**
 * The pages of a 卷宗 the core prints (issue [H]): 卷宗封面, 卷内目录, 案件经过, 调查清单, 证据清单
 * with the photos, 备考表 — on the notices' A4 page and faces (shared/notices/styles.ts), set
 * smaller than a notice's 3号 body: they are tables and lists an archivist reads, not a letter.
 */
export const dossierCss = `
.cd-dossier { font-size: 12pt; --cd-line: 20pt; letter-spacing: 0; }
.cd-dossier h1 { margin: 0 0 6mm 0; font-size: 20pt; }
.cd-dossier p { text-indent: 0; }
.cd-dossier .cd-caseno { text-align: right; font-size: 10.5pt; margin-bottom: 2mm; }
.cd-dossier table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; line-height: 1.45; }
.cd-dossier th, .cd-dossier td { border: 0.75pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
.cd-dossier th { font-weight: 700; background: #f2f2f2; }
.cd-dossier thead { display: table-header-group; }
.cd-dossier tr { break-inside: avoid; }
.cd-dossier .cd-num { text-align: center; }
.cd-dossier .cd-hash { font-size: 8pt; white-space: nowrap; letter-spacing: 0; border-top: 0.5pt dashed #999; }
.cd-dossier tbody.cd-item { break-inside: avoid; }
.cd-dossier .cd-detail { margin: 0; }
.cd-dossier .cd-muted { color: #444; }
/* 卷宗封面: the archive's cover, its fields in ruled lines. */
.cd-cover { font-size: 15pt; }
.cd-cover .cd-cover-office { text-align: center; font-size: 18pt; font-weight: 700; margin-top: 6mm; letter-spacing: 0.1em; }
.cd-cover h1 { font-size: 36pt; letter-spacing: 0.6em; margin: 16mm 0 16mm 0.6em; }
.cd-cover table { font-size: 14pt; line-height: 1.6; }
.cd-cover th { width: 38mm; background: none; text-align: justify; text-align-last: justify; }
.cd-cover th, .cd-cover td { border: 0; border-bottom: 0.75pt solid #000; padding: 2.5mm 2mm 1mm 2mm; }
/* 证据照片: two across, three down; a photo and its caption never split. */
.cd-photos { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 5mm 6mm; }
.cd-photo { break-inside: avoid; border: 0.75pt solid #999; padding: 2mm; height: 72mm; display: flex; flex-direction: column; }
.cd-photo img { flex: 1; min-height: 0; min-width: 0; width: 100%; object-fit: contain; }
.cd-photo p { font-size: 9pt; line-height: 1.35; margin-top: 1.5mm; overflow-wrap: anywhere; }
/* 备考表 */
.cd-closing table { font-size: 12pt; line-height: 1.8; }
.cd-closing th { width: 40mm; }
.cd-closing .cd-closing-note { height: 80mm; }
.cd-closing .cd-anchor { font-size: 9pt; margin-top: 4mm; color: #333; }
`;

const ymd = (iso: string | null) => (iso ? cnDate(iso.slice(0, 10)) : '');
const dateTime = (iso: string) => `${cnDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;

function Head({ title, caseNo }: { title: string; caseNo: string }) {
  return (
    <>
      <p className="cd-caseno">案件编号：{caseNo}</p>
      <h1>{title}</h1>
    </>
  );
}

function Cover({ c }: { c: DossierCover }) {
  const rows: [string, string][] = [
    ['题　　名', c.title],
    ['案件编号', c.caseNo],
    ['投 诉 人', c.complainant],
    ['被投诉方', c.respondent],
    ['案　　由', c.cause],
    ['收到日期', ymd(c.receivedOn)],
    [c.closedAs === '不予受理' ? '不予受理日期' : '结案日期', ymd(c.closedOn)],
    ['承 办 人', c.handler],
    ['保管期限', c.retention],
    ['归档日期', ymd(c.archivedOn)],
  ];
  return (
    <div className="cd-notice cd-dossier cd-cover" data-part="cover">
      <p className="cd-cover-office">{c.office}</p>
      <h1>卷宗</h1>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.version > 1 ? <p className="cd-muted" style={{ marginTop: '6mm', fontSize: '11pt' }}>本卷宗为第 {c.version} 版（案件重新办理后再次立卷，此前各版另存）。</p> : null}
    </div>
  );
}

function Contents({ caseNo, rows }: { caseNo: string; rows: DossierContentsRow[] }) {
  return (
    <div className="cd-notice cd-dossier" data-part="contents">
      <Head title={dossierPartTitle.contents} caseNo={caseNo} />
      <table>
        <colgroup>
          <col style={{ width: '13mm' }} />
          <col style={{ width: '40mm' }} />
          <col />
          <col style={{ width: '35mm' }} />
          <col style={{ width: '16mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th className="cd-num">序号</th>
            <th>文号</th>
            <th>题名</th>
            <th>日期</th>
            <th className="cd-num">页号</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.no}>
              <td className="cd-num">{r.no}</td>
              <td>{r.number ?? ''}</td>
              <td>
                {r.title}
                {r.note ? <span className="cd-muted">（{r.note}）</span> : null}
              </td>
              <td>{ymd(r.date)}</td>
              <td className="cd-num" data-pages={`${r.from}-${r.to}`}>{r.from === r.to ? r.from : `${r.from}–${r.to}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Photos({ caseNo, photos, first }: { caseNo: string; photos: DossierPhoto[]; first: boolean }) {
  return (
    <div className="cd-notice cd-dossier" data-part="photos">
      {first ? <Head title={dossierPartTitle.photos} caseNo={caseNo} /> : null}
      <div className="cd-photos">
        {photos.map((p) => (
          <figure key={p.no} className="cd-photo" style={{ margin: 0 }}>
            <img src={p.src} alt={p.name} />
            <p>
              证据 {p.no}：{p.name}
              {p.captured ? `（形成时间：${p.captured}）` : ''}
            </p>
          </figure>
        ))}
      </div>
    </div>
  );
}

function Closing({ c }: { c: DossierClosing }) {
  return (
    <div className="cd-notice cd-dossier cd-closing" data-part="closing">
      <Head title={dossierPartTitle.closing} caseNo={c.caseNo} />
      <table>
        <tbody>
          <tr>
            <th>本卷情况说明</th>
            <td className="cd-closing-note">
              <p>本卷共 {c.pages} 页，其中文书及材料 {c.documents} 件。</p>
              <p>
                证据 {c.evidence} 项：照片 {c.photos} 张印于卷内，其余 {c.listedOnly} 项（视频、录音、文档等）列于证据清单，原件以 SHA-256 存于本会证据库。
              </p>
              {c.version > 1 ? <p>本卷为第 {c.version} 版，此前各版另存。</p> : null}
            </td>
          </tr>
          <tr>
            <th>立卷人</th>
            <td>{c.compiledBy}</td>
          </tr>
          <tr>
            <th>立卷时间</th>
            <td>{ymd(c.compiledOn)}</td>
          </tr>
          <tr>
            <th>检查人</th>
            <td> </td>
          </tr>
        </tbody>
      </table>
      {c.anchor ? <p className="cd-anchor">校验：{c.anchor}</p> : null}
    </div>
  );
}

/** One part of a 卷宗 as its print engine renders it. */
export function DossierPartView({ part }: { part: DossierPart }) {
  switch (part.kind) {
    case 'cover':
      return <Cover c={part.cover} />;
    case 'contents':
      return <Contents caseNo={part.caseNo} rows={part.rows} />;
    case 'history':
      return (
        <div className="cd-notice cd-dossier" data-part="history">
          <Head title={dossierPartTitle.history} caseNo={part.caseNo} />
          <table>
            <colgroup>
              <col style={{ width: '34mm' }} />
              <col style={{ width: '20mm' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>时间</th>
                <th>经办人</th>
                <th>事项</th>
              </tr>
            </thead>
            <tbody>
              {part.rows.map((r, i) => (
                <tr key={i}>
                  <td>{dateTime(r.at)}</td>
                  <td>{r.by ?? '系统'}</td>
                  <td>
                    <strong>{r.what}</strong>
                    {r.change ? `（${r.change}）` : ''}
                    {r.details.map((d, j) => (
                      <p key={j} className="cd-detail">
                        {d}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'checklist':
      return (
        <div className="cd-notice cd-dossier" data-part="checklist">
          <Head title={dossierPartTitle.checklist} caseNo={part.caseNo} />
          {part.origin ? <p className="cd-muted" style={{ fontSize: '10.5pt', marginBottom: '2mm' }}>{part.origin}</p> : null}
          {part.rows.length === 0 ? (
            <p>本案无调查清单。</p>
          ) : (
            <table>
              <colgroup>
                <col style={{ width: '13mm' }} />
                <col />
                <col style={{ width: '18mm' }} />
                <col style={{ width: '52mm' }} />
              </colgroup>
              <thead>
                <tr>
                  <th className="cd-num">序号</th>
                  <th>调查事项</th>
                  <th>状态</th>
                  <th>备注、关联证据、标记人</th>
                </tr>
              </thead>
              <tbody>
                {part.rows.map((r, i) => (
                  <tr key={i}>
                    <td className="cd-num">{i + 1}</td>
                    <td>{r.text}</td>
                    <td>{r.state}</td>
                    <td>
                      {[r.note, r.evidence, r.marked].filter(Boolean).map((l, j) => (
                        <p key={j} className="cd-detail">
                          {l}
                        </p>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      );
    case 'evidence':
      return (
        <div className="cd-notice cd-dossier" data-part="evidence">
          <Head title={dossierPartTitle.evidence} caseNo={part.caseNo} />
          {part.rows.length === 0 ? (
            <p>本案无证据。</p>
          ) : (
            <table>
              <colgroup>
                <col style={{ width: '13mm' }} />
                <col />
                <col style={{ width: '38mm' }} />
                <col style={{ width: '38mm' }} />
              </colgroup>
              <thead>
                <tr>
                  <th className="cd-num">序号</th>
                  <th>名称、种类、来源</th>
                  <th>形成时间</th>
                  <th>添加人、时间</th>
                </tr>
              </thead>
              {part.rows.map((r) => (
                // An item and its hash: one piece, never split over a page.
                <tbody key={r.no} className="cd-item">
                  <tr>
                    <td className="cd-num" rowSpan={2}>
                      {r.no}
                    </td>
                    <td>
                      {r.name}
                      <p className="cd-detail cd-muted">
                        {r.kind}
                        {r.source ? `，${r.source}` : ''}
                        {r.printed === 'photo' ? '，照片附后' : '，仅列目录'}
                      </p>
                      {r.voided ? <p className="cd-detail">{r.voided}</p> : null}
                    </td>
                    <td>{r.captured}</td>
                    <td>
                      {r.addedBy}
                      <p className="cd-detail cd-muted">{r.addedAt}</p>
                    </td>
                  </tr>
                  <tr>
                    <td colSpan={3} className="cd-hash">
                      SHA-256：{r.sha256}
                    </td>
                  </tr>
                </tbody>
              ))}
            </table>
          )}
        </div>
      );
    case 'photos':
      return <Photos caseNo={part.caseNo} photos={part.photos} first={part.first} />;
    case 'closing':
      return <Closing c={part.closing} />;
  }
}
