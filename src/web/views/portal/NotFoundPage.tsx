import type { DisplayMode } from '../Layout.js'
import { ErrorPage } from '../ErrorPage.js'

/** A portal page that does not exist (or a document no longer public): the site's one 404 page. */
export function NotFoundPage(props: { what: string; mode: DisplayMode }) {
  return ErrorPage({
    status: 404,
    message: `未找到${props.what}：该页面不存在或信息已不再公开。`,
    console: false,
    mode: props.mode,
  })
}
