import type { DisplayMode } from '../Layout.js'
import { Layout } from '../Layout.js'
import type { ColumnNode } from './parts.js'
import { CatalogTree } from './parts.js'

/** The guide's facts as the page shows them: each office particular, empty when the agency has not set it. */
export interface GuideView {
  agency: { name: string; code: string }
  office: {
    name: string
    address: string
    hours: string
    phone: string
    fax: string
    postalAddress: string
    postalCode: string
    email: string
    waysToApply: string
    fees: string
  }
  reviewBody: string | null
  court: string
  columns: ColumnNode[]
  guideColumnId?: number
}

const UNSET = '（本机关尚未设置）'

function Fact(props: { label: string; value: string; id?: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd id={props.id} class={props.value ? undefined : 'unset'}>
        {props.value || UNSET}
      </dd>
    </>
  )
}

/**
 * 《条例》第十二条 政府信息公开指南, generated from the agency's settings (issue 14): the office and how to reach
 * it, how to apply, the fees, the remedies. Edited by an administrator on /console/agencies.
 */
export function GuidePage(props: { g: GuideView; mode: DisplayMode; path: string }) {
  const { g } = props
  const o = g.office
  const officeName = o.name || `${g.agency.name}政府信息公开工作机构`
  return (
    <Layout title={`政府信息公开指南 - ${g.agency.name}`} mode={props.mode} path={props.path}>
      <link rel="stylesheet" href="/assets/apply.css" />
      <p class="breadcrumb">
        <a href="/">首页</a> › <a href={`/xxgk/${g.agency.code}`}>{g.agency.name} 政府信息公开</a> › 政府信息公开指南
      </p>
      <div class="column-layout">
        <CatalogTree agencyCode={g.agency.code} columns={g.columns} current={g.guideColumnId} />
        <section class="column-main guide" aria-labelledby="guide-title">
          <h1 id="guide-title">{g.agency.name}政府信息公开指南</h1>
          <p>
            为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。
          </p>
          <h2>一、政府信息公开工作机构</h2>
          <dl id="office">
            <Fact label="机构名称" value={o.name} id="office-name" />
            <Fact label="办公地址" value={o.address} id="office-address" />
            <Fact label="办公时间" value={o.hours} id="office-hours" />
            <Fact label="联系电话" value={o.phone} id="office-phone" />
            <Fact label="传真" value={o.fax} id="office-fax" />
            <Fact
              label="通信地址"
              value={[o.postalAddress, o.postalCode && `邮编 ${o.postalCode}`].filter(Boolean).join('，')}
            />
            <Fact label="电子邮箱" value={o.email} id="office-email" />
          </dl>
          <h2>二、主动公开</h2>
          <p>
            本机关主动公开的政府信息，在本平台“<a href={`/xxgk/${g.agency.code}`}>政府信息公开</a>
            ”栏目发布，可通过<a href="/search">信息检索</a>查找。
          </p>
          <h2>三、依申请公开</h2>
          <p>
            公民、法人或者其他组织申请获取政府信息的，应当向{officeName}
            提出，并采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请（《条例》第二十九条）。
          </p>
          <dl>
            <Fact label="申请渠道" value={o.waysToApply} id="office-ways" />
          </dl>
          <p>
            <a class="apply-entry" href={`/apply?agency=${encodeURIComponent(g.agency.code)}`}>
              在线提交申请
            </a>
          </p>
          <p>
            收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的经批准延长不超过20个工作日（《条例》第三十三条）。申请内容不明确的，一次性告知补正（《条例》第三十条）。
          </p>
          <h2>四、收费</h2>
          <dl>
            <Fact label="收费说明" value={o.fees} id="office-fees" />
          </dl>
          <p>
            行政机关依申请提供政府信息，不收取费用；申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费（《条例》第四十二条）。
          </p>
          <h2>五、监督和救济</h2>
          <p>
            公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。
          </p>
          <dl>
            <dt>行政复议机关</dt>
            <dd id="review-body" class={g.reviewBody ? undefined : 'unset'}>
              {g.reviewBody ?? UNSET}
            </dd>
            <dt>行政诉讼</dt>
            <dd>{g.court}</dd>
          </dl>
        </section>
      </div>
    </Layout>
  )
}
