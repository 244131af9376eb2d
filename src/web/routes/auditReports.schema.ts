import { z } from 'zod'

// 年报体检's forms: multipart (a file) or urlencoded (pasted text). The parts are read by the route (files are
// bytes, not JSON): the schema only says the body is a set of named parts.

export const reportCheckBody = z.record(z.string(), z.unknown()).optional()
