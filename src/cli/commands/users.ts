import type { Command } from 'commander'

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('工作人员账号')
  users
    .command('create-admin')
    .description('创建系统管理员（首个账号）；密码取自环境变量 GONGKAI_ADMIN_PASSWORD，首次登录须修改')
    .requiredOption('--username <name>', '用户名')
    .option('--name <displayName>', '姓名', '系统管理员')
    .action(async (opts: { username: string; name: string }) => {
      const password = process.env.GONGKAI_ADMIN_PASSWORD ?? ''
      if (!password) {
        process.stderr.write('请通过环境变量 GONGKAI_ADMIN_PASSWORD 提供初始密码（不在命令行中明文出现）\n')
        process.exitCode = 2
        return
      }
      const { withStore } = await import('../withStore.js')
      const { createUser } = await import('../../services/accounts/createUser.js')
      const { systemActor } = await import('../../services/actor.js')
      const { ValidationError } = await import('../../services/errors.js')
      await withStore(async (store) => {
        try {
          const id = await createUser({
            store,
            actor: systemActor('cli'),
            username: opts.username,
            displayName: opts.name,
            password,
            roles: ['sysAdmin'],
            agencyId: null,
            mustChangePassword: true,
          })
          process.stdout.write(`已创建系统管理员 ${opts.username}（id ${id}），首次登录须修改密码\n`)
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err
          for (const e of err.errors) process.stderr.write(`✗ ${e.field}：${e.message}\n`)
          process.exitCode = 2
        }
      })
    })
}
