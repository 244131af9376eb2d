// How long the texts of an application may be, wherever it comes from (the online form, a registration by
// staff, an imported ledger): the same limits everywhere (issue 15 finding 11: an import took 1,000,000 characters).

/** 所需政府信息的描述 / 申请内容 */
export const DESCRIPTION_MAX_CHARS = 5000
/** 申请人姓名或名称 */
export const APPLICANT_NAME_MAX_CHARS = 200
