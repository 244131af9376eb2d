import type { OpenAPIV3 } from 'openapi-types'
import { Layout } from './Layout.js'

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

function isRef(x: unknown): x is OpenAPIV3.ReferenceObject {
  return typeof x === 'object' && x !== null && '$ref' in x
}

function typeOf(s: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): string {
  if (!s) return ''
  if (isRef(s)) return s.$ref.split('/').pop() ?? ''
  if (s.type === 'array') return `${typeOf(s.items)}[]`
  return String(s.type ?? (s.anyOf ? 'any' : 'object'))
}

/** /api/docs: the OpenAPI document as a page (each operation, its parameters and responses), no script. */
export function ApiDocsPage(props: { doc: OpenAPIV3.Document }) {
  const ops = Object.entries(props.doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = item?.[m]
      return op ? [{ path, method: m.toUpperCase(), op }] : []
    }),
  )
  return (
    <Layout title="公开数据接口文档" path="/api/docs">
      <h1>{props.doc.info.title}</h1>
      <p>{props.doc.info.description}</p>
      <p>
        OpenAPI {props.doc.openapi} 文档：<a href="/api/openapi.json">/api/openapi.json</a>（版本{' '}
        {props.doc.info.version}）
      </p>
      {ops.map(({ path, method, op }) => (
        <section key={`${method} ${path}`} class="column-box" aria-labelledby={`op-${method}-${path}`}>
          <h2 id={`op-${method}-${path}`} class="hash">
            {method} {path}
          </h2>
          {op.summary ? <p>{op.summary}</p> : null}
          {op.parameters?.length ? (
            <div class="table-scroll" tabIndex={0} role="region" aria-label="表格（可横向滚动）">
              <table>
                <caption>参数</caption>
                <thead>
                  <tr>
                    <th scope="col">名称</th>
                    <th scope="col">位置</th>
                    <th scope="col">类型</th>
                    <th scope="col">必填</th>
                    <th scope="col">说明</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters
                    .filter((p) => !isRef(p))
                    .map((p) => {
                      const param = p as OpenAPIV3.ParameterObject
                      return (
                        <tr key={`${param.in}-${param.name}`}>
                          <td>{param.name}</td>
                          <td>{param.in}</td>
                          <td>{typeOf(param.schema)}</td>
                          <td>{param.required ? '是' : '否'}</td>
                          <td>{param.description ?? ''}</td>
                        </tr>
                      )
                    })}
                </tbody>
              </table>
            </div>
          ) : null}
          <p>
            响应：
            {Object.keys(op.responses ?? {}).join('、')}
          </p>
        </section>
      ))}
    </Layout>
  )
}
