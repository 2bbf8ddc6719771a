/**
 * Stable error codes shared by server and web. The server answers every failure as
 * `{ error: { code, message, messageEn, details? } }`; the UI shows `message` (zh-CN)
 * or `messageEn`, and may branch on `code`.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容不符合要求', en: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  SESSION_EXPIRED: {
    status: 401,
    zh: '登录已过期,请重新登录',
    en: 'Your session has expired, please log in again',
  },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '密码错误次数过多,账号已临时锁定,请稍后再试',
    en: 'Too many failed attempts; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用,请联系系统管理员', en: 'This account is disabled' },
  LOGIN_THROTTLED: {
    status: 429,
    zh: '登录尝试过于频繁,请稍后再试',
    en: 'Too many login attempts, please wait',
  },
  PASSWORD_LOGIN_OFF: {
    status: 403,
    zh: '本系统已改用统一身份认证登录,请点击“使用统一身份认证登录”',
    en: 'Passwords are switched off here; sign in with the company sign-in',
  },
  SSO_NOT_CONFIGURED: { status: 404, zh: '未配置统一身份认证', en: 'Single sign-on is not configured' },
  SSO_STATE_INVALID: {
    status: 400,
    zh: '登录请求已失效或来源不明,请重新点击“使用统一身份认证登录”',
    en: 'The sign-in request is stale or not ours; start the sign-in again',
  },
  SSO_FAILED: {
    status: 401,
    zh: '统一身份认证未能确认您的身份(授权码无效、已使用或令牌已过期),请重新登录',
    en: 'The company sign-in could not confirm who you are (code invalid, used, or token expired); try again',
  },
  SSO_UNREACHABLE: {
    status: 502,
    zh: '暂时无法连接统一身份认证服务,请稍后再试',
    en: 'The company sign-in service cannot be reached; try again later',
  },
  SSO_UNKNOWN_USER: {
    status: 403,
    zh: '您已通过统一身份认证,但本系统中还没有您的账号,请联系管理员开通',
    en: 'You signed in with the company sign-in, but have no account here; please contact your administrator',
  },
  LDAP_NOT_CONFIGURED: { status: 404, zh: '未配置企业目录登录', en: 'Directory sign-in is not configured' },
  LDAP_UNREACHABLE: {
    status: 502,
    zh: '暂时无法连接企业目录(LDAP / AD),请稍后再试',
    en: 'The company directory (LDAP / AD) cannot be reached; try again later',
  },
  LDAP_SYNC_NOT_CONFIGURED: {
    status: 404,
    zh: '未开启企业目录同步(LDAP_SYNC)',
    en: 'The directory sync is not turned on (LDAP_SYNC)',
  },
  LDAP_SYNC_REFUSED: {
    status: 409,
    zh: '企业目录同步未执行:目录中没有找到任何人员,或同步设置中的支部不存在,请检查 LDAP_SYNC_* 设置',
    en: 'The directory sync did not run: the directory answered nobody, or a branch in the sync settings does not exist; check the LDAP_SYNC_* settings',
  },
  WORK_APP_NOT_CONFIGURED: {
    status: 404,
    zh: '未配置钉钉或企业微信免登',
    en: 'Sign-in from DingTalk or WeCom is not configured',
  },
  WORK_APP_FAILED: {
    status: 401,
    zh: '钉钉或企业微信未能确认您的身份(授权码无效、已使用或已过期),请从应用内重新打开',
    en: 'DingTalk or WeCom could not confirm who you are (code invalid, used or expired); open the app again',
  },
  WORK_APP_UNREACHABLE: {
    status: 502,
    zh: '暂时无法连接钉钉或企业微信服务,请稍后再试',
    en: 'DingTalk or WeCom cannot be reached; try again later',
  },
  CSRF_INVALID: {
    status: 403,
    zh: '页面已过期或请求来源无效,请刷新页面后重试',
    en: 'The page is stale or the request origin is invalid; reload and retry',
  },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  CAMPAIGN_OUTSIDE_COMPANY: {
    status: 403,
    zh: '公司机关党委只能为本公司的支部发起和配置活动',
    en: "A company's committee launches and configures campaigns for its own company's branches only",
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录或密码已重置,请先修改密码',
    en: 'Please change your initial password first',
  },
  PASSWORD_WEAK: {
    status: 400,
    zh: '密码至少 8 位,且须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'Passwords need 8+ characters from at least 3 of: upper case, lower case, digits, symbols',
  },
  PASSWORD_WRONG: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_PUBLISHED: {
    status: 400,
    zh: '不能使用公开的演示密码,请设置您自己的密码',
    en: 'The published demo password cannot be used; choose your own',
  },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ' },
  NOT_FOUND: { status: 404, zh: '未找到该记录,或您无权查看', en: 'Not found' },
  CONFLICT: { status: 409, zh: '数据已被他人修改,请刷新后重试', en: 'Changed by someone else; reload' },
  SETUP_ALREADY_DONE: { status: 409, zh: '系统已完成初始化', en: 'The system is already set up' },
  USERNAME_TAKEN: { status: 409, zh: '该用户名已被使用', en: 'This username is taken' },
  NAME_TAKEN: { status: 409, zh: '名称已存在', en: 'This name already exists' },
  EMPLOYEE_NO_TAKEN: { status: 409, zh: '该员工编号已存在', en: 'This employee number already exists' },
  PERSON_HAS_ACCOUNT: { status: 409, zh: '该人员已关联其他账号', en: 'This person already has an account' },
  INVALID_REFERENCE: {
    status: 400,
    zh: '引用的组织、人员或单位不存在或已停用',
    en: 'A referenced unit or person does not exist or is inactive',
  },
  COMPANY_REQUIRED: {
    status: 400,
    zh: '本系统有多个公司,新增支部时须选择所属公司',
    en: 'There are several companies: choose the company the branch belongs to',
  },
  ROLE_SCOPE_INVALID: {
    status: 400,
    zh: '角色的适用范围不正确(如支部书记须指定支部,分管领导须指定部门)',
    en: 'The role scope is invalid (e.g. a branch secretary needs a branch)',
  },
  LAST_ADMIN: {
    status: 409,
    zh: '不能停用或降级最后一个系统管理员',
    en: 'The last administrator cannot be disabled or demoted',
  },
  CAMPAIGN_CLOSED: { status: 409, zh: '活动已结束,不能再修改', en: 'The campaign is closed' },
  CAMPAIGN_RUNNING: {
    status: 409,
    zh: '活动已启动,不能进行此项修改',
    en: 'Not possible on a running campaign',
  },
  DATE_OUTSIDE_CAMPAIGN: {
    status: 400,
    zh: '日期不在活动的开展期间内',
    en: 'The date is outside the campaign',
  },
  DATE_IN_FUTURE: {
    status: 400,
    zh: '活动日期不能晚于今天',
    en: 'The activity date cannot be in the future',
  },
  DATE_OUT_OF_ORDER: {
    status: 400,
    zh: '日期不能早于它所跟随的日期',
    en: 'A date cannot come before the date it follows',
  },
  RECORD_LOCKED: {
    status: 409,
    zh: '记录已提交或已通过,不能修改;如需修改请由机关党委退回',
    en: 'The record is submitted or approved and cannot be edited',
  },
  MEETING_ROLE_NOT_PRESENT: {
    status: 400,
    zh: '主持人和记录人须为出席会议的人员,请假或缺席的人员不能主持或记录',
    en: 'The host and the recorder must be among those present',
  },
  RECORD_INCOMPLETE: { status: 400, zh: '记录尚不完整,请补齐必填项后再提交', en: 'The record is incomplete' },
  REVIEWER_IS_AUTHOR: {
    status: 403,
    zh: '您填报、修改或提交过这条记录,不能再审核它,请由其他审核人审核',
    en: 'You created, edited or submitted this record, so someone else must review it',
  },
  NOT_SUBMITTED: { status: 409, zh: '只能审核已提交的记录', en: 'Only submitted records can be reviewed' },
  FILE_TYPE_REJECTED: {
    status: 415,
    zh: '文件类型不支持:仅接受照片(JPG/PNG/WebP/GIF)、PDF 和 Office 文档',
    en: 'File type not accepted: photos, PDF and Office documents only',
  },
  FILE_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  FILE_NAME_INVALID: { status: 400, zh: '文件名不合法', en: 'The file name is not valid' },
  UPLOAD_INTERRUPTED: {
    status: 409,
    zh: '文件在保存过程中被清理,请重新上传',
    en: 'The file was cleared from storage while it was being saved; upload it again',
  },
  SIGN_IN_EXPIRED: {
    status: 410,
    zh: '签到二维码已过期,请联系支部重新生成',
    en: 'This sign-in code has expired',
  },
  SIGN_IN_NOT_EXPECTED: {
    status: 403,
    zh: '您不在本次活动的应到人员名单中,请联系支部书记',
    en: 'You are not on the attendance list of this meeting',
  },
  POST_TERM_OVERLAP: {
    status: 409,
    zh: '任职时间与已有任职重叠',
    en: 'The term overlaps another term',
  },
  PROBLEM_STATE: {
    status: 409,
    zh: '该问题当前状态不允许此操作',
    en: 'Not possible in the problem’s current state',
  },
  GRADE_BASIS_INVALID: {
    status: 400,
    zh: '评定依据所引成效数据有误',
    en: 'The grade cites an effect figure the record does not have',
  },
  RECHECK_TOO_EARLY: {
    status: 409,
    zh: '回访时间未到,暂不能记录',
    en: 'The recheck is not due yet',
  },
  CONFIRM_TOO_EARLY: {
    status: 409,
    zh: '基层单位确认期限未到,暂不能代为确认',
    en: 'The unit still has time to confirm',
  },
  PDF_UNAVAILABLE: {
    status: 409,
    zh: '服务器未安装 LibreOffice,暂不能导出 PDF,请下载 Word 文档',
    en: 'PDF export needs LibreOffice on the server; download the Word document instead',
  },
  PDF_FAILED: {
    status: 503,
    zh: 'PDF 转换失败,请稍后再试或下载 Word 文档',
    en: 'The PDF conversion failed; retry later or download the Word document',
  },
  ISSUE_DATE_INVALID: {
    status: 400,
    zh: '印发日期不符合要求',
    en: 'The issue date is not valid (after the campaign starts, not after today, not before the previous issue)',
  },
  ISSUED_FILE_DAMAGED: {
    status: 500,
    zh: '印发文件在存储中缺失或已损坏,请联系系统管理员从备份恢复',
    en: 'The issued file is missing or damaged in storage; restore it from a backup',
  },
  IMPORT_INVALID: {
    status: 400,
    zh: '导入文件有错误,未导入任何数据;请按提示修改后重新上传',
    en: 'The import file has errors; nothing was imported',
  },
  NOTIFY_CHANNEL_UNCONFIGURED: {
    status: 409,
    zh: '该通知渠道尚未配置',
    en: 'This notification channel is not configured',
  },
  WEBHOOK_HOST_NOT_ALLOWED: {
    status: 400,
    zh: '机器人地址的域名不在允许范围内',
    en: 'The robot webhook host is not allowed',
  },
  DELIVERY_NOT_FAILED: {
    status: 409,
    zh: '只能重试发送失败的通知',
    en: 'Only failed deliveries can be retried',
  },
  PAGE_OUT_OF_RANGE: {
    status: 400,
    zh: '页码超出范围,请回到第一页',
    en: 'The page is out of range; go back to the first page',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁,请稍后再试', en: 'Too many requests' },
  INTERNAL: { status: 500, zh: '服务器内部错误,请稍后再试', en: 'Internal server error' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    messageEn: string;
    details?: unknown;
  };
}

/** One field problem in a VALIDATION_FAILED answer: the field path and a Chinese message. */
export interface FieldIssue {
  path: string;
  message: string;
}
