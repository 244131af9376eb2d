import { expect, it } from 'vitest'
import { get, makeUsers, makeWorld, postForm, signIn, testApp } from '../auth/support.js'
import { describeEachEngine } from '../support/engines.js'

describeEachEngine('site inspection route (temporary check)', (store) => {
  it('runs from the console form and shows the report', async () => {
    const w = await makeWorld(store())
    const users = await makeUsers(store(), w, 'sirt')
    const app = await testApp(store())
    try {
      const a = await signIn(app, users.office)
      const res = await postForm(app, a, '/console/site-inspection/run', {})
      expect(res.statusCode).toBe(303)
      const after = await get(app, a, '/console/site-inspection')
      console.log(/检查页面 \d+ 个/.exec(after.body)?.[0])
      expect(after.body).toMatch(/检查页面 \d+ 个/)
    } finally {
      await app.close()
    }
  }, 300_000)
})
