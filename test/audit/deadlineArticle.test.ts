import { expect, it } from 'vitest'
import { explainRule } from '../../src/audit/explain.js'

// 《政府信息公开条例》第四十九条 sets the deadlines (departments 31 January, people's governments 31 March);
// 第五十条 lists the report's contents.
it('cites 第四十九条 for the publication deadline, with both dates', () => {
  const text = explainRule('meta.publishedBeforeYearEnd')
  expect(text).toContain('条例第四十九条')
  expect(text).toContain('1月31日前')
  expect(text).toContain('县级以上地方人民政府每年3月31日前')
  expect(text).not.toContain('第五十条')
})
