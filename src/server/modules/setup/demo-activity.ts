/**
 * The article's year of records for the demo organisation: March–December 2020, five branches.
 * Content follows the article's section (三)实施效果; people and some titles are invented.
 */
export const DEMO_YEAR = 2020;

export const studyTopics: Record<number, string> = {
  3: '传达学习习近平总书记关于统筹推进疫情防控和经济社会发展工作的重要讲话精神',
  4: '学习公司2020年工作会议报告,研讨复工复产重点任务',
  5: '学习《中国共产党国有企业基层组织工作条例(试行)》',
  6: '学习全国两会精神和政府工作报告',
  7: '学习《习近平谈治国理政》第三卷,纪念建党99周年',
  8: '学习习近平总书记关于制止餐饮浪费行为的重要指示',
  9: '学习公司半年工作会议精神,研讨“放管服”改革',
  10: '学习党的十九届五中全会公报',
  11: '深入学习党的十九届五中全会精神',
  12: '学习中央经济工作会议精神,总结全年“五个一”对标工作',
};

/** Early months met online, as the article describes; later months in person again. */
export const studyModes: Record<number, 'video' | 'dingtalk' | 'text_platform' | 'in_person'> = {
  3: 'video',
  4: 'dingtalk',
  5: 'text_platform',
  6: 'video',
  7: 'in_person',
  8: 'in_person',
  9: 'video',
  10: 'in_person',
  11: 'in_person',
  12: 'in_person',
};

export const studyForms = ['branch_committee', 'party_congress', 'group_meeting', 'party_lecture'] as const;

export const themeDays: Record<
  number,
  { title: string; theme: string; activity: string; place: string; summary: string }
> = {
  3: {
    title: '观看《战“疫”一线党旗红》专题片',
    theme: 'ideals',
    activity: 'film',
    place: '线上(钉钉群)',
    summary: '全体党员线上观看专题片,交流抗疫一线党员先锋事迹。',
  },
  4: {
    title: '参观公司党建文化长廊',
    theme: 'identity',
    activity: 'visit',
    place: '公司党建文化长廊',
    summary: '分批参观党建文化长廊,重温公司党建发展历程。',
  },
  5: {
    title: '“青年党员讲党课”主题党日',
    theme: 'organisational_life',
    activity: 'lecture',
    place: '公司第一会议室',
    summary: '青年党员轮流讲党课,支部书记点评。',
  },
  6: {
    title: '阅读《习近平谈治国理政》第三卷原著',
    theme: 'ideals',
    activity: 'reading',
    place: '职工书屋',
    summary: '围绕第三卷开展领读和交流,每人撰写读书心得。',
  },
  7: {
    title: '重温入党誓词,纪念建党99周年',
    theme: 'party_spirit',
    activity: 'other',
    place: '公司党建文化长廊',
    summary: '全体党员面向党旗重温入党誓词,为老党员佩戴纪念章。',
  },
  8: {
    title: '社区疫情防控志愿服务',
    theme: 'identity',
    activity: 'volunteering',
    place: '公司所在社区',
    summary: '党员志愿者协助社区开展测温登记和防疫宣传。',
  },
  9: {
    title: '组织观看电影《八佰》',
    theme: 'ideals',
    activity: 'film',
    place: '附近影院',
    summary: '观影后开展座谈,体会民族精神和家国情怀。',
  },
  10: {
    title: '“廉洁从业”警示教育主题党日',
    theme: 'strict_management',
    activity: 'lecture',
    place: '公司第二会议室',
    summary: '观看警示教育片,纪检委员通报典型案例。',
  },
  11: {
    title: '参观红色教育基地',
    theme: 'party_spirit',
    activity: 'visit',
    place: '市红色教育基地',
    summary: '现场接受革命传统教育,开展党性分析。',
  },
  12: {
    title: '年度组织生活会暨民主评议党员',
    theme: 'organisational_life',
    activity: 'other',
    place: '公司第一会议室',
    summary: '开展批评与自我批评,完成民主评议党员。',
  },
};

/** One rule or process per branch and month; the first titles are the article's own. */
export const revisionsByBranch: string[][] = [
  [
    '总部部门和业务中心机构设置及职责',
    '公司公文处理办法',
    '总部人员绩效考核办法',
    '公司会议管理规定',
    '党支部工作规范',
    '公司档案管理办法',
    '公司督办工作管理办法',
    '员工教育培训管理办法',
    '公司保密工作规定',
    '公司信息报送工作办法',
  ],
  [
    '公司差旅费管理办法',
    '资金支付审批流程',
    '经营计划管理办法',
    '内部审计工作规定',
    '合同结算管理流程',
    '预算管理办法',
    '财务报销流程',
    '投资项目后评价办法',
    '审计整改跟踪办法',
    '经营业绩考核办法',
  ],
  [
    '工程项目安全生产检查办法',
    '工程质量管理办法',
    '设计变更管理流程',
    '项目现场防疫工作指引',
    '分包商管理办法',
    '安全生产责任制',
    '技术标准管理办法',
    '工程进度管理流程',
    '环保管理规定',
    'BIM技术应用管理办法',
  ],
  [
    '市场开发项目投标管理流程',
    '投资项目决策管理办法',
    '海外项目风险管理办法',
    '客户关系管理办法',
    '投标保证金管理流程',
    '项目信息报送流程',
    '海外人员派遣管理办法',
    '市场营销激励办法',
    '投资项目退出管理办法',
    '境外安全管理办法',
  ],
  [
    '公司纪委执纪办案工作实施办法',
    '公司党委巡察工作实施办法',
    '法律纠纷案件管理办法',
    '合规管理办法',
    '信访举报工作办法',
    '科技项目管理办法',
    '信息系统安全管理办法',
    '问责工作实施办法',
    '合同法律审核流程',
    '数据管理办法',
  ],
];

export const problemMeasureCycle = [
  { kind: 'guidance_manual', note: '编制并下发防疫复工指导手册' },
  { kind: 'one_to_one', note: '派业务骨干一对一指导' },
  { kind: 'training', note: '组织经营管理培训讲座' },
  { kind: 'integrated_office', note: '与项目部实施一体化办公' },
  { kind: 'site_investigation', note: '赴现场实地考察调研' },
  { kind: 'sourcing_supplies', note: '联系协调防疫物资' },
] as const;

export const leaveReasons = ['出差', '病假', '公休', '陪同领导调研', '外出培训'];

/** Why the committee held a record up as a highlight (亮点), in its own words each time. */
export const highlightNotes = [
  '研讨联系本部门实际，发言有观点、有措施，可供各支部借鉴。',
  '把学习成果转化为具体工作举措，成效明显。',
  '活动组织扎实，党员参与度高，形式新颖。',
  '问题导向鲜明，措施具体，基层单位评价好。',
];

/** Why an optional action was marked an exemplary case (典型案例): what others can take from it. */
export const exemplaryNotes = [
  '把党建工作延伸到基层一线，可在各支部推广。',
  '以清单方式推动为基层办实事，做法可复制。',
  '党员带头联系服务对象，促进了业务开展。',
  '结合专业优势服务基层，受到基层单位欢迎。',
];
