import { describe, expect, it } from 'vitest'
import { bodyForEditing, bodyFromInput } from '../../src/domain/catalog/body.js'
import { awaitsReviewBy, isEditable, isPublisher } from '../../src/domain/catalog/workflow.js'

describe('the body a drafter types (decision 0019)', () => {
  it('plain text becomes one paragraph per line, a typed tag shown as text', () => {
    expect(bodyFromInput('第一段\n\n第二段 <b>粗</b>')).toBe('<p>第一段</p><p>第二段 &lt;b&gt;粗&lt;/b&gt;</p>')
  })
  it('pasted rich text keeps its headings, lists and tables and loses scripts and styles', () => {
    expect(bodyFromInput('<p style="x">一</p><script>x()</script><ul><li>甲</li></ul>')).toBe(
      '<p>一</p><ul><li>甲</li></ul>',
    )
  })
  it('plain paragraphs come back to the form as lines, and saving them again gives the same body', () => {
    const body = bodyFromInput('一、总则\n二、附则 & 其他')
    expect(bodyForEditing(body)).toBe('一、总则\n二、附则 & 其他')
    expect(bodyFromInput(bodyForEditing(body))).toBe(body)
  })
  it('a richer body comes back as its HTML', () => {
    expect(bodyForEditing('<h2>一</h2><p>二</p>')).toBe('<h2>一</h2><p>二</p>')
  })
})

describe('who may do what in the chain', () => {
  it('only a draft or a returned item may be edited', () => {
    expect(['draft', 'inReview', 'returned', 'approved', 'published', 'withdrawn'].filter(isEditable)).toEqual([
      'draft',
      'returned',
    ])
  })
  it('an item waits for the reviewer of its step only', () => {
    expect(awaitsReviewBy(['reviewerDept'], 'inReview', 'department')).toBe(true)
    expect(awaitsReviewBy(['reviewerLeader'], 'inReview', 'department')).toBe(false)
    expect(awaitsReviewBy(['reviewerDept'], 'returned', null)).toBe(false)
  })
  it('the 政务公开办 publishes; a reviewer or a drafter does not', () => {
    expect([['office'], ['reviewerSecrecy'], ['handler']].map((r) => isPublisher(r))).toEqual([true, false, false])
  })
})
