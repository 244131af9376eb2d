import { describe, expect, it } from 'vitest'
import { bodyText, sanitizeBody } from '../../src/domain/catalog/body.js'

// A document body may hold a table (an annual report's national tables, issue 13): its merged cells survive
// sanitising, and its text for search keeps the cells apart.

const TABLE =
  '<table class="x"><caption>表三</caption><tbody><tr><th scope="col" rowspan="3" colspan="3" style="color:red">申请人情况</th></tr>' +
  '<tr><td>一、本年新收政府信息公开申请数量</td><td>48</td><td>1</td><td>49</td></tr></tbody></table>'

describe('tables in a document body', () => {
  it('keep their caption, header scope and merged cells, and lose classes and styles', () => {
    const html = sanitizeBody(TABLE)
    expect(html).toContain('<caption>表三</caption>')
    expect(html).toContain('<th scope="col" rowspan="3" colspan="3">申请人情况</th>')
    expect(html).not.toContain('class=')
    expect(html).not.toContain('style=')
  })

  it('read as one line per row with the cells apart', () => {
    expect(bodyText(TABLE).split('\n')).toEqual(['表三', '申请人情况', '一、本年新收政府信息公开申请数量 48 1 49'])
  })
})
