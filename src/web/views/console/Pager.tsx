/**
 * How many rows a list holds, which page is shown, and links to the pages before and after. A page past the end
 * shows the count and no range.
 */
export function Pager(props: {
  total: number
  pageNo: number
  pageSize: number
  href: (page: number) => string
  unit: string
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize))
  const from = props.total === 0 ? 0 : (props.pageNo - 1) * props.pageSize + 1
  const to = Math.min(props.total, props.pageNo * props.pageSize)
  return (
    <nav aria-label="分页" class="pager">
      <span>
        共 {props.total} {props.unit}
        {props.total > 0 && from <= to ? `，显示第 ${from}–${to} ${props.unit}` : ''}
      </span>
      {props.pageNo > 1 ? <a href={props.href(Math.min(props.pageNo - 1, pages))}>上一页</a> : null}
      <span>
        第 {props.pageNo} / {pages} 页
      </span>
      {props.pageNo < pages ? <a href={props.href(props.pageNo + 1)}>下一页</a> : null}
    </nav>
  )
}
