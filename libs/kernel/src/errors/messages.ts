import type { ErrorBody, ErrorDetail } from './error-codes';

/** The languages of error messages: Chinese by default (officers read Chinese), English with `Accept-Language: en`. */
export type MessageLanguage = 'zh' | 'en';

/** `Accept-Language: en`, `en-US,en;q=0.9` → English; anything else (or nothing) → Chinese. */
export function messageLanguage(acceptLanguage: string | string[] | undefined): MessageLanguage {
  const first = [acceptLanguage ?? ''].flat()[0].split(',')[0].trim().toLowerCase();
  return first === 'en' || first.startsWith('en-') ? 'en' : 'zh';
}

/**
 * One message of the API, keyed: `key` is stable (clients translate by it, it is `details[].constraint`), `en` matches
 * the English text the code writes (with the values it names as groups), `zh` is the Chinese with `$1`… for them.
 */
interface MessageRule {
  key: string;
  en: RegExp;
  zh: string;
}

const r = (key: string, en: RegExp, zh: string): MessageRule => ({ key, en, zh });

// Most specific first: the first rule whose pattern matches the whole message wins.
export const MESSAGE_RULES: readonly MessageRule[] = [
  // presence and shape
  r('required', /^is required$/, '为必填项'),
  r('required_for_action', /^is required for (\w+)$/, '为 $1 操作的必填项'),
  r(
    'required_for_penalty_facts',
    /^is required for a penalty \(the facts of the violation\)$/,
    '处罚决定须载明违法事实（行政处罚法第五十九条）',
  ),
  r('required_for_penalty', /^is required for a penalty$/, '处罚决定的必填项'),
  r('required_for_ecommerce', /^is required for an e-commerce (case|liaison)$/, '电商平台案件或联络的必填项'),
  r('required_for_customs', /^is required for a customs liaison$/, '海关联络的必填项'),
  r('required_for_phone', /^is required for a phone call$/, '电话来电的必填项'),
  r('required_unless_anonymous', /^is required unless the caller is anonymous$/, '非匿名来电的必填项'),
  r('required_to', /^is required to ([\w ]+)$/, '为此操作的必填项（$1）'),
  r('required_detail', /^is required \((.+)\)$/, '为必填项（$1）'),
  r('not_allowed_field', /^is not an allowed field$/, '不是允许的字段'),
  r('not_used_by_action', /^is not used by (\w+)( with caseId)?$/, '$1 操作不使用此字段'),
  r('not_an_action', /^is not an action$/, '不是有效的操作'),
  r('one_of', /^must be one of (?:the following values: )?(.+?)(?: for (\w+))?$/, '必须是以下之一：$1'),
  r('is_not_one_of', /^is not one of (.+)$/, '必须是以下之一：$1'),
  r('string', /^must be a string$/, '必须是文本'),
  r('text_or_null', /^must be text or null$/, '必须是文本或空'),
  r('boolean', /^must be (?:a boolean value|true or false)$/, '必须是 true 或 false'),
  r('integer', /^must be an integer number$/, '必须是整数'),
  r('number', /^must be a number conforming to the specified constraints$/, '必须是数字'),
  r('array', /^must be an array$/, '必须是数组'),
  r('json_object', /^must be (?:a JSON object|an object)$/, '必须是 JSON 对象'),
  r('nested', /^nested property \S+ must be either object or array$/, '必须是对象或数组'),
  r('uuid', /^must be a UUID$/, '必须是 UUID'),
  r('not_empty', /^should not be empty$/, '不能为空'),
  r('min', /^must not be less than (-?\d+)$/, '不能小于 $1'),
  r('max', /^must not be greater than (-?\d+)$/, '不能大于 $1'),
  r('max_length', /^must be shorter than or equal to (\d+) characters$/, '长度不能超过 $1 个字符'),
  r('at_most_characters', /^must be at most (\d+) characters$/, '长度不能超过 $1 个字符'),
  r('min_length', /^must be longer than or equal to (\d+) characters$/, '长度不能少于 $1 个字符'),
  r('at_least_characters', /^must be at least (\d+) characters$/, '长度不能少于 $1 个字符'),
  r('at_least_bytes', /^must be at least (\d+) bytes, base64$/, '必须是至少 $1 字节的 base64'),
  r('array_max', /^must contain no more than (\d+) elements$/, '最多 $1 项'),
  r('array_min', /^must contain at least (\d+) elements$/, '至少 $1 项'),
  r('url', /^must be (?:a URL address|URLs|an http\(s\) URL|an http:\/\/ or https:\/\/ URL)$/, '必须是 http(s) 网址'),
  r('postgres_url', /^must be a postgres:\/\/ URL$/, '必须是 postgres:// 连接串'),
  r('redis_url', /^must be a redis:\/\/ or rediss:\/\/ URL$/, '必须是 redis:// 或 rediss:// 连接串'),
  r('listed_twice', /^is (?:listed|used) twice$/, '重复出现'),
  r('taken', /^is taken$/, '已被占用'),
  r('too_large', /^is too large$/, '过大'),
  r('bad_url', /^the URL is not valid \(bad percent-encoding\)$/, 'URL 无效（百分号编码错误）'),
  r('no_change', /^changes nothing: give at least one field with a new value$/, '没有任何修改：请至少给出一个新值'),
  // dates and amounts
  r('date', /^must be a date YYYY-MM-DD$/, '必须是日期（YYYY-MM-DD）'),
  r('real_date_shape', /^must be a real date YYYY-MM-DD$/, '必须是真实存在的日期（YYYY-MM-DD）'),
  r('date_between', /^must be between (\S+) and (\S+)$/, '必须在 $1 至 $2 之间'),
  r('on_or_after_earliest', /^must be on or after (\S+) \(the earliest accepted, (\w+)\)$/, '不能早于 $1（可受理的最早日期，配置项 $2）'),
  r('date_slash', /^must be a date YYYY\/MM\/DD$/, '必须是日期（YYYY/MM/DD）'),
  r('real_date', /^is not a real date$/, '不是真实存在的日期'),
  r('real_date_not_future', /^must be a real date(?: YYYY-MM-DD)?, not in the future$/, '必须是不晚于今天的真实日期'),
  r('not_future', /^cannot be in the future$/, '不能晚于今天'),
  r('not_before_receipt', /^cannot be before the case was received$/, '不能早于收案日期'),
  r('not_before_decision', /^cannot be before the decision$/, '不能早于决定日期'),
  r('not_before_registration', /^cannot be before the registration$/, '不能早于登记保存日期'),
  r('after_decision', /^must be after the decision date$/, '必须晚于决定日期'),
  r('not_before_from', /^must not be before from$/, '不能早于起始日期'),
  r('period_max', /^the period is at most (\d+) years$/, '期间最长 $1 年'),
  r('not_dates', /^not dates: (.+)$/, '不是日期：$1'),
  r('year', /^must be a year$/, '必须是年份'),
  r('working_days', /^must be a whole number of working days, (\d+)-(\d+)$/, '必须是 $1–$2 个工作日'),
  r('fen', /^must be a non-negative integer number of fen$/, '必须是非负整数（单位：分）'),
  r('not_negative', /^must not be negative$/, '不能为负数'),
  r('yuan', /^must be (?:a string of yuan|an amount in yuan), such as "1234\.56"$/, '必须是以元为单位的金额，如 "1234.56"'),
  r('two_decimals', /^must have at most 2 decimal places$/, '最多两位小数'),
  r('wan_yuan', /^must be 万元 with (\d+) decimals, e\.g\. .+$/, '必须是保留 $1 位小数的万元金额'),
  r(
    'fine_cap',
    /^the fine of (\d+) fen exceeds the cap of (\d+) fen \((.+), act on (.+)\)$/,
    '罚款 $1 分超过上限 $2 分（$3，违法行为发生于 $4）',
  ),
  // identifiers
  r('check_character', /^bad check character$/, '校验码错误'),
  r('check_character_should_be', /^check character should be (\w)$/, '校验码错误，应为 $1'),
  r('check_digit_should_be', /^check digit should be (\w)$/, '校验位错误，应为 $1'),
  r('org_code_check', /^organization code check character should be (\w)$/, '组织机构代码校验码错误，应为 $1'),
  r(
    'uscc_characters',
    /^may contain only digits and capital letters other than I, O, S, V, Z$/,
    '只能包含数字和除 I、O、S、V、Z 以外的大写字母',
  ),
  r('uscc_length', /^must be 18 characters$/, '必须是 18 位'),
  r('uscc_region', /^characters 3-8 \(region code\) must be digits$/, '第 3–8 位（行政区划码）必须是数字'),
  r('id_shape', /^must be 17 digits followed by a digit or X$/, '必须是 17 位数字加一位数字或 X'),
  r('id_province', /^first two digits are not a province code$/, '前两位不是省级行政区划代码'),
  r('id_birth_date', /^birth date \(digits 7-14\) is not a real date$/, '出生日期（第 7–14 位）不是真实日期'),
  r('id_birth_before_1900', /^birth date is before 1900$/, '出生日期早于 1900 年'),
  r('id_birth_future', /^birth date is in the future$/, '出生日期晚于今天'),
  r('patent_old_number', /^a 12-digit number cannot be from before 2003$/, '12 位申请号不能早于 2003 年'),
  r('patent_8_digit_year', /^an 8-digit number must be from 1985 to 2003$/, '8 位申请号必须是 1985–2003 年的'),
  r('patent_future_year', /^application year is in the future$/, '申请年份晚于今年'),
  r('patent_kind_digit', /^kind digit must be 1, 2, 3, 8 or 9$/, '专利类型位必须是 1、2、3、8 或 9'),
  r(
    'patent_shape',
    /^must be digits with an optional dot before the check digit \(0-9 or X\)$/,
    '必须是数字，校验位（0–9 或 X）前可有小数点',
  ),
  r(
    'patent_length',
    /^must have 12 digits before the check digit \(8 before October 2003\)$/,
    '校验位前须有 12 位数字（2003 年 10 月前为 8 位）',
  ),
  r('phone_characters', /^may contain only digits, spaces, \+, - and brackets$/, '只能包含数字、空格、+、- 和括号'),
  r(
    'phone_kind',
    /^is not a mainland mobile \(11 digits\), a landline with area code, or a 400\/800 number$/,
    '不是 11 位手机号、带区号的固话或 400/800 号码',
  ),
  r('uscc_only_organisations', /^only organisations have a USCC$/, '只有单位有统一社会信用代码'),
  r('id_only_individuals', /^only individuals have an ID number$/, '只有个人有身份证号'),
  r('phone', /^must be a phone number$/, '必须是电话号码'),
  r('masked', /^must be masked \(e\.g\. .+\)$/, '必须是脱敏后的号码'),
  r('division_code', /^must be a (?:6-digit division code|partner office code \(6 digits\))$/, '必须是 6 位行政区划代码'),
  r('party_kind', /^must be organization or individual$/, '必须是 organization（单位）或 individual（个人）'),
  r('direction', /^must be in or out$/, '必须是 in 或 out'),
  r('me_or_user', /^must be me or a user id$/, '必须是 me 或用户 ID'),
  r('cursor', /^is not a cursor this API returned$/, '不是本接口返回的分页游标'),
  r('search_min', /^must be at least (\d+) characters$/, '至少 $1 个字符'),
  r('key_format', /^must be (?:an ed25519 key|\d+-\d+ letters|1-\d+ letters|3-40 lower-case|8-200 letters).*$/, '格式不正确'),
  // units, parties, cases
  r('not_enforcement_unit', /^is not (?:an enforcement unit|the bureau or a district)$/, '不是执法单位（市局或区局）'),
  r('unit_out_of_scope', /^is not a unit you may take in cases for$/, '不是您可以收案的单位'),
  r('unknown_unit', /^unknown org unit (.+)$/, '未知单位 $1'),
  r('partner_users', /^users cannot belong to a partner office$/, '用户不能属于外省协作单位'),
  r('requesters_only', /^is for requesters only$/, '只适用于请求人'),
  r('only_report_anonymous', /^only a report \(举报\) may be anonymous$/, '只有举报可以匿名'),
  r('not_linkable_case', /^is not a case you can link to$/, '不是您可以关联的案件'),
  r('not_case_officer', /^is not an officer of this case or its unit$/, '不是本案或本单位的执法人员'),
  r('not_active_officers', /^not active officers of unit (\S+): (.+)$/, '不是单位 $1 的在职执法人员：$2'),
  r('only_penalty_amounts', /^only a penalty carries amounts$/, '只有处罚决定才有金额'),
  r('only_penalty_warning', /^only a penalty carries a warning$/, '只有处罚决定才有警告'),
  r('fixed_by_filing', /^cannot change once the case is filed \(.+\)$/, '立案后不能更改（案号和期限取决于它）'),
  r('transfers_route', /^transfers are requested through \/cases\/:id\/transfers$/, '移送请通过 /cases/:id/transfers 申请'),
  r('case_type_of_office', /^is not a case type of this office: (.+)$/, '不是本机关的案件类型：$1'),
  r('officer_count', /^a case of type (\w+) needs (.+); got (\d+) distinct$/, '$1 类案件需要 $2，当前 $3 名'),
  r('data_standard_field', /^is not a field of the data standard$/, '不是数据标准中的字段'),
  r('only_with_category', /^is only given when 处罚类别 includes (.+)$/, '只在处罚类别包含 $1 时填写'),
  r('unknown_category', /^unknown category (.+)$/, '未知类别 $1'),
  // uploads
  r('one_file', /^only one file, in the field "file"$/, '只能上传一个文件，字段名为 file'),
  r('multipart', /^send multipart\/form-data with a file part$/, '请以 multipart/form-data 上传文件'),
  r('answer_files', /^must be ids of uploaded answer files$/, '必须是已上传答复文件的 ID'),
  r('not_answer_files', /^not answer files of this request: (.+)$/, '不是本请求的答复文件：$1'),
  r('filing_needs_type', /^a case type is required to file$/, '立案须有案件类型'),
  r('filing_needs_respondent', /^at least one respondent is required to file$/, '立案须至少有一名被请求人'),
  r(
    'filing_needs_qualified_requester',
    /^an infringement dispute needs a requester who is the patentee or an interested party$/,
    '专利侵权纠纷须有专利权人或利害关系人作为请求人',
  ),
  r('filing_needs_patent', /^an infringement dispute needs at least one patent$/, '专利侵权纠纷须至少涉及一项专利'),
  r('no_credit_code_for_individual', /^an individual has no credit code$/, '个人没有统一社会信用代码'),
  r('individuals_only', /^is for individuals only$/, '只适用于个人'),
  r('anonymous_leaves_none', /^an anonymous caller leaves none$/, '匿名来电不留此项'),
  r('internal_error', /^internal error; quote the request id when reporting it$/, '系统内部错误，报告时请提供请求编号'),
  // liaisons and partners
  r('takedown_listing', /^a takedown names at least one listing$/, '下架请求须至少列出一个商品链接'),
  r('customs_only', /^is for customs liaisons$/, '只适用于海关联络'),
  r('ecommerce_only', /^is for e-commerce liaisons$/, '只适用于电商平台联络'),
  r('detention_reference', /^a detention carries the customs reference$/, '扣留须有海关编号'),
  r('not_before_sent', /^cannot be before sentOn$/, '不能早于发出日期'),
  r('partner_keys', /^at most (\d+) keys \(two during a rotation\)$/, '最多 $1 个密钥（轮换期间两个）'),
  r('partner_active_needs', /^an active partner needs an endpoint and a key$/, '启用的协作单位须有接口地址和密钥'),
  // hardening: text, nesting, uploads, outages
  r('item_object', /^each item must be an object$/, '每一项都必须是对象'),
  r('unsafe_text', /^must not contain NUL characters or unpaired surrogates$/, '不能包含 NUL 字符或不成对的代理字符'),
  r('unsafe_field_name', /^has a field name with NUL characters or unpaired surrogates$/, '字段名含有 NUL 字符或不成对的代理字符'),
  r('unsafe_file_name', /^needs a file name without NUL characters or unpaired surrogates$/, '文件名不能包含 NUL 字符或不成对的代理字符'),
  r('nested_too_deep', /^is nested deeper than (\d+) levels$/, '嵌套层级超过 $1 层'),
  r(
    'multipart_malformed',
    /^the multipart body is malformed \(boundary, part headers or end\)$/,
    'multipart 请求体格式错误（分隔符、分段头或结尾）',
  ),
  r(
    'ticket_unit_scope',
    /^must be a unit in your scope \(you could not open the ticket otherwise\)$/,
    '必须是您权限范围内的单位（否则您将无法打开该工单）',
  ),
  r('unavailable', /^the service is temporarily unavailable; try again in (\d+) seconds$/, '服务暂时不可用，请 $1 秒后重试'),
  // documents (文书)
  r('not_docx', /^is not a \.docx file \((.+)\)$/, '不是 .docx 文件'),
  r('template_unparsable', /^is not a template docxtemplater can parse: (.+)$/, '不是可解析的文书模板：$1'),
  r('template_unknown_tags', /^uses tags (\w+) does not know: (.+)$/, '使用了该类文书（$1）没有的字段：$2'),
  r('document_not_applicable', /^(\w+) \((.+?)\) cannot be generated now: .+ \(([^()]+)\)$/, '当前不能生成$2：$3'),
  r(
    'document_template_failed',
    /^the (\w+) template \(version (\d+)\) could not be filled; an admin should replace it$/,
    '$1 模板（版本 $2）无法填充，请管理员更换模板',
  ),
  // calendar
  r('days_of_year', /^must be days of (\S+)$/, '必须是 $1 年的日期'),
  r('day_twice', /^a day is listed twice$/, '有日期重复出现'),
  // the penalty procedure (行政处罚法 2021) and the dispute's service and answer
  r('enforcement_penalty_only', /^only a penalty case records an enforcement outcome$/, '只有行政处罚案件记录执行情况'),
  r('required_unless_waived', /^is required unless the party waived$/, '当事人未放弃陈述申辩时为必填项'),
  r('not_before_filing', /^cannot be before the filing$/, '不能早于立案日期'),
  r('not_before_step', /^cannot be before the step it answers$/, '不能早于其所对应的程序步骤'),
  r('dispute_only', /^is only recorded for an infringement dispute$/, '仅专利侵权纠纷案件记录此项'),
  r('required_for_mail', /^is required for mail service$/, '邮寄送达须填写邮件号码'),
  r('mail_only', /^is only recorded for mail service$/, '仅邮寄送达记录邮件号码'),
  r('electronic_consent', /^must be true: electronic service needs the party's consent$/, '电子送达须经当事人同意（行政处罚法第六十一条）'),
  r(
    'penalty_notice_missing',
    /^a penalty needs its advance notice \(行政处罚法 Art\. 44\) before approval$/,
    '作出行政处罚决定前须事先告知当事人（行政处罚法第四十四条）',
  ),
  r(
    'penalty_heavier_than_notice',
    /^the decision is heavier than the penalty the notice announced: serve a new advance notice \(行政处罚法 Art\. 44, 45\)$/,
    '拟作出的处罚重于事先告知的内容，须重新告知（行政处罚法第四十四条、第四十五条）',
  ),
  r(
    'penalty_hearing_pending',
    /^the party requested a hearing \(行政处罚法 Art\. 63, 64\): hold it first$/,
    '当事人已要求听证，须先举行听证（行政处罚法第六十三条、第六十四条）',
  ),
  r(
    'notice_period_open',
    /^the party may state a defence or request a hearing until (\S+) \(行政处罚法 Art\. 44, 64: 5 working days after the notice\)$/,
    '当事人可在 $1 前陈述、申辩或要求听证（行政处罚法第四十四条、第六十四条：告知后五个工作日）',
  ),
  r('penalty_notice_not_served', /^no advance notice of a penalty was served$/, '尚未送达行政处罚事先告知书'),
  r(
    'no_hearing_right',
    /^the intended penalty gives no right to a hearing \(行政处罚法 Art\. 63\)$/,
    '拟作出的处罚不属于可以要求听证的情形（行政处罚法第六十三条）',
  ),
  r(
    'hearing_request_late',
    /^a hearing had to be requested by (\S+) \(行政处罚法 Art\. 64: 5 working days after the notice\)$/,
    '要求听证的期限已于 $1 届满（行政处罚法第六十四条：告知后五个工作日）',
  ),
  r(
    'penalty_hearing_notice',
    /^the party is told of the hearing (\d+) working days ahead \(行政处罚法 Art\. 64\): (\S+) at the earliest$/,
    '须于听证 $1 个工作日前通知当事人（行政处罚法第六十四条），最早可定于 $2',
  ),
  r(
    'legal_review_missing',
    /^a major decision needs the legal review \(法制审核, 行政处罚法 Art\. 58\) before approval$/,
    '重大执法决定须经法制审核（行政处罚法第五十八条）',
  ),
  r(
    'legal_review_revise',
    /^the legal review asked for a revision: return the decision and propose it again \(行政处罚法 Art\. 58\)$/,
    '法制审核意见为修改，请退回后重新提出（行政处罚法第五十八条）',
  ),
  r('payment_outstanding', /^(\d+) fen are still owed: the case is not paid in full$/, '尚欠 $1 分，罚款未全部缴纳'),
];

/** The rule of an English message, with the values it named; null when no rule knows it. */
export function messageRule(message: string): { key: string; zh: string } | null {
  for (const rule of MESSAGE_RULES) {
    const m = rule.en.exec(message);
    if (m) return { key: rule.key, zh: rule.zh.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '') };
  }
  return null;
}

/** What each error code says when its message has no rule of its own. */
const CODE_MESSAGES_ZH: Record<string, string> = {
  VALIDATION_FAILED: '请求内容不符合要求',
  MALFORMED_REQUEST: '请求格式错误',
  UNAUTHENTICATED: '未登录或登录已失效，请重新登录',
  FORBIDDEN: '您的角色无权执行此操作',
  NOT_FOUND: '未找到该记录',
  METHOD_NOT_ALLOWED: '不支持该请求方法',
  VERSION_CONFLICT: '记录已被他人修改，请刷新后重试',
  IDEMPOTENCY_KEY_REUSED: '该幂等键已用于另一请求',
  DUPLICATE: '记录重复',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  ILLEGAL_TRANSITION: '当前状态下不能执行此操作',
  OFFICER_COUNT: '承办人员人数不符合规定',
  FINE_ABOVE_CAP: '罚款超过法定上限',
  FILING_PREREQUISITES: '尚不具备立案条件',
  HEARING_NOTICE: '口头审理通知期限不足',
  EXTENSION_LIMIT: '延期超过允许的天数',
  ALREADY_RECUSED: '该执法人员已回避',
  NOT_PRESERVED: '该证据未登记保存',
  PRESERVATION_DECIDED: '登记保存已作出处理决定',
  CASE_NOT_AMENDABLE: '案件已作出决定或已结束，不能再补正',
  REOPEN_WINDOW: '已超过可重新打开的期限',
  EXPORT_TOO_LARGE: '导出行数超过上限',
  TRANSFER_CASE_STATUS: '该案件当前状态不能移送或请求协助',
  TRANSFER_ANSWERED: '该协助请求已答复',
  EVIDENCE_NOT_FETCHED: '证据文件仍在从协作单位获取中，请稍后重试',
  EVIDENCE_MISMATCH: '证据文件校验不一致，已拒绝接收并告知对方',
  DOCUMENT_NOT_APPLICABLE: '该案件当前的类型或状态不能生成此文书',
  DOCUMENT_TEMPLATE_FAILED: '文书模板无法填充，请管理员更换模板',
  PENALTY_NOTICE_REQUIRED: '作出行政处罚决定前须告知拟处罚内容及当事人的陈述、申辩、听证权利（行政处罚法第四十四条）',
  NOTICE_PERIOD_OPEN: '当事人陈述、申辩及要求听证的期限（告知后五个工作日）尚未届满（行政处罚法第四十四条、第六十四条）',
  PENALTY_HEARING_PENDING: '当事人已要求听证，听证结束前不能作出处罚决定（行政处罚法第六十三条、第六十四条）',
  HEARING_REQUEST_LATE: '听证申请已超过告知后五个工作日的期限（行政处罚法第六十四条）',
  PENALTY_HEARING_NOTICE: '须于举行听证七个工作日前通知当事人（行政处罚法第六十四条）',
  NO_HEARING_RIGHT: '拟作出的处罚不属于当事人有权要求听证的情形（行政处罚法第六十三条）',
  LEGAL_REVIEW_REQUIRED: '重大执法决定须经法制审核通过后方可作出（行政处罚法第五十八条）',
  PROCEDURE_STEP: '该程序步骤当前不适用或顺序不符',
  PAYMENT_OUTSTANDING: '罚款尚未全部缴纳',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  ACCOUNT_LOCKED: '登录失败次数过多，账户已暂时锁定',
  INTERNAL_ERROR: '系统内部错误，请联系管理员并提供请求编号',
  EVIDENCE_INTEGRITY: '证据文件完整性校验失败，未予下载，已通知负责人',
  DOCUMENT_INTEGRITY: '文书文件完整性校验失败，未予下载，已通知负责人',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
};

/** The error body in the caller's language; every detail keyed by its rule (`constraint`), whatever the language. */
export function localizeErrorBody(body: ErrorBody, lang: MessageLanguage): ErrorBody {
  const details = Array.isArray(body.details)
    ? body.details.map((d: ErrorDetail) => {
        const rule = messageRule(d.message);
        return { ...d, constraint: d.constraint ?? rule?.key ?? 'unkeyed', ...(lang === 'zh' && rule ? { message: rule.zh } : {}) };
      })
    : body.details;
  if (lang === 'en') return { ...body, details };
  const own = messageRule(body.message);
  const message =
    body.code === 'VALIDATION_FAILED' && Array.isArray(details) && details.length
      ? details
          .slice(0, 5)
          .map((d) => `${d.field}：${d.message}`)
          .join('；')
      : (own?.zh ?? CODE_MESSAGES_ZH[body.code] ?? body.message);
  return { ...body, message, details };
}
