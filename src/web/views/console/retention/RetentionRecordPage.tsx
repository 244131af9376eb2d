import type { RetentionRecord } from '../../../../services/retention/retentionRecord.js'
import { RUNS_PER_PAGE } from '../../../../services/retention/retentionRecord.js'
import type { PageContext } from '../ConsoleLayout.js'
import { ConsoleLayout } from '../ConsoleLayout.js'
import { Pager } from '../Pager.js'

const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '—')

/** 个人信息保存期限 / 匿名化记录: what the retention job did, run by run, and each agency's totals. */
export function RetentionRecordPage(props: { page: PageContext; record: RetentionRecord; canEdit: boolean }) {
  const r = props.record
  return (
    <ConsoleLayout title="个人信息保存期限 / 匿名化记录" page={props.page}>
      <h1>个人信息保存期限 / 匿名化记录</h1>
      <p class="hint">
        系统每日检查已办结的依申请公开案件，对超过本机关保存期限的，匿名化申请人的姓名、证件、联系方式等个人信息并删除其上传的身份证明和附件；每批操作记入审计日志。年度报告的各项数据不受影响。
      </p>
      <h2 id="by-agency">各机关累计</h2>
      <table aria-labelledby="by-agency">
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">已匿名化案件</th>
            <th scope="col">最近一次</th>
            {props.canEdit ? <th scope="col">保存期限</th> : null}
          </tr>
        </thead>
        <tbody>
          {r.agencies.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.cases}</td>
              <td>{a.lastOn ?? '—'}</td>
              {props.canEdit ? (
                <td>
                  <a href={`/console/agencies/${a.id}/retention`}>设置{a.name}的保存期限</a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="runs">运行记录</h2>
      {r.total === 0 ? (
        <p class="empty">
          尚无运行记录。保存期限任务每日自动运行一次，也可由管理员在命令行执行 gongkai retention run。
        </p>
      ) : (
        <>
          <table aria-labelledby="runs">
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">计算日</th>
                <th scope="col">开始</th>
                <th scope="col">结束</th>
                <th scope="col">执行者</th>
                <th scope="col">匿名化案件</th>
                <th scope="col">删除附件</th>
                <th scope="col">清除消息正文</th>
                <th scope="col">批次</th>
              </tr>
            </thead>
            <tbody>
              {r.runs.map((run) => (
                <tr key={run.id}>
                  <td>
                    #{run.id}
                    {run.dryRun ? '（试运行，未作改动）' : ''}
                  </td>
                  <td>{run.today}</td>
                  <td>{time(run.startedAt)}</td>
                  <td>{run.finishedAt ? time(run.finishedAt) : '未完成'}</td>
                  <td>{run.actor}</td>
                  <td>{run.casesAnonymised}</td>
                  <td>{run.filesRemoved}</td>
                  <td>{run.messagesCleared}</td>
                  <td>{run.batches}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            total={r.total}
            pageNo={r.pageNo}
            pageSize={RUNS_PER_PAGE}
            href={(n) => `/console/retention?page=${n}`}
            unit="次"
          />
        </>
      )}
    </ConsoleLayout>
  )
}
