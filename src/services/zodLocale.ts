import { z } from 'zod'

// zod's own messages (a number that is not one, a missing field …) in Chinese, for every schema of the
// process: the web and the command line import this once, before any schema runs. Schemas that name their
// field keep their own message.
z.config(z.locales.zhCN())
