import type { Command } from 'commander'

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('工作人员账号')
  users
    .command('create-admin')
    .description(
      '创建管理员（三员：系统管理员 sysAdmin、安全保密管理员 secAdmin、安全审计员 auditAdmin）；密码取自环境变量 GONGKAI_ADMIN_PASSWORD，首次登录须修改并绑定动态验证码',
    )
    .requiredOption('--username <name>', '用户名')
    .option('--name <displayName>', '姓名', '系统管理员')
    .option('--role <role>', '三员之一：sysAdmin | secAdmin | auditAdmin', 'sysAdmin')
    .action(async (opts: { username: string; name: string; role: string }) => {
      const { SEPARATED_DUTIES, roleLabel } = await import('../../domain/auth/roles.js')
      const role = SEPARATED_DUTIES.find((d) => d === opts.role)
      if (!role) {
        process.stderr.write(`--role 须为 ${SEPARATED_DUTIES.join('、')} 之一\n`)
        process.exitCode = 2
        return
      }
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
            roles: [role],
            agencyId: null,
            mustChangePassword: true,
          })
          process.stdout.write(`已创建${roleLabel(role)} ${opts.username}（id ${id}），首次登录须修改密码\n`)
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err
          for (const e of err.errors) process.stderr.write(`✗ ${e.field}：${e.message}\n`)
          process.exitCode = 2
        }
      })
    })
  users
    .command('reset-totp')
    .description('重置某账号的动态验证码（手机丢失且无恢复码时；该账号下次登录重新绑定）')
    .requiredOption('--username <name>', '用户名')
    .action(async (opts: { username: string }) => {
      const { withStore } = await import('../withStore.js')
      const { resetSecondFactor } = await import('../../services/accounts/resetSecondFactor.js')
      const { findUserByUsername } = await import('../../store/userRepo.js')
      const { systemActor } = await import('../../services/actor.js')
      await withStore(async (store) => {
        const user = await findUserByUsername(store.db, opts.username)
        if (!user) {
          process.stderr.write(`✗ 未找到账号 ${opts.username}\n`)
          process.exitCode = 2
          return
        }
        await resetSecondFactor({ store, actor: systemActor('cli'), userId: Number(user.id) })
        process.stdout.write(`已重置 ${opts.username} 的动态验证码，下次登录时重新绑定\n`)
      })
    })
}
