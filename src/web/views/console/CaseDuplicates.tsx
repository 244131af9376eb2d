import type { SimilarEarlierView } from '../../presenters/caseDuplicates.js'
import { outcomeText, stateText } from './labels.js'

/**
 * 第三十六条第（六）项: the same applicant's earlier applications with a similar request, for the office to judge
 * whether this one repeats an answered request (then 不予重复处理). Decision 0013.
 */
export function CaseDuplicates(props: { id: number; earlier: SimilarEarlierView }) {
  return (
    <section aria-labelledby="duplicates">
      <h2 id="duplicates">同一申请人内容相近的申请（重复申请核查）</h2>
      {props.earlier.length === 0 ? (
        <p class="empty">未发现同一申请人此前内容相近的申请。</p>
      ) : (
        <>
          <p class="hint">
            已就申请作出答复、申请人重复申请公开相同政府信息的，可告知不予重复处理（《条例》第三十六条第（六）项）。是否相同由承办人判断。
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">收到日期</th>
                <th scope="col">所需信息</th>
                <th scope="col">状态</th>
                <th scope="col">办理结果</th>
                <th scope="col">相近程度</th>
              </tr>
            </thead>
            <tbody>
              {props.earlier.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={`/console/applications/${e.id}`}>{e.ref}</a>
                  </td>
                  <td>{e.receivedOn}</td>
                  <td>{e.description}</td>
                  <td>{stateText(e.state)}</td>
                  <td>{e.outcome ? `${outcomeText(e.outcome)}（${e.concludedOn ?? ''}）` : '尚未答复'}</td>
                  <td>{e.percent}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
