import type { MessageTable } from '../../app/i18n/types';

export const peopleMessages = {
  'people.name': { zh: '姓名', en: 'Name' },
  'people.employeeNo': { zh: '员工编号', en: 'Employee no.' },
  'people.gender': { zh: '性别', en: 'Gender' },
  'people.male': { zh: '男', en: 'Male' },
  'people.female': { zh: '女', en: 'Female' },
  'people.branch': { zh: '支部', en: 'Branch' },
  'people.partyGroup': { zh: '党小组', en: 'Party group' },
  'people.department': { zh: '部门', en: 'Department' },
  'people.memberStatus': { zh: '政治面貌', en: 'Status' },
  'people.branchPost': { zh: '支部职务', en: 'Branch post' },
  'people.phone': { zh: '电话', en: 'Phone' },
  'people.phoneInvalid': {
    zh: '电话号码只能包含数字、空格、+ 和 -',
    en: 'Phone numbers may only contain digits, spaces, + and -',
  },
  'people.email': { zh: '电子邮箱', en: 'Email' },
  'people.emailInvalid': { zh: '邮箱格式不正确', en: 'This is not an email address' },
  'people.joinedPartyOn': { zh: '入党时间', en: 'Joined the Party on' },
  'people.account': { zh: '账号', en: 'Account' },
  'people.searchPlaceholder': { zh: '姓名 / 员工编号', en: 'Name / employee no.' },
  'people.allBranches': { zh: '全部支部', en: 'All branches' },
  'people.new': { zh: '新增人员', en: 'Add person' },
  'people.edit': { zh: '编辑人员', en: 'Edit person' },
  'people.noBranch': { zh: '不属于任何支部', en: 'No branch' },
  'people.neverDeleted': {
    zh: '人员不会被删除:离职或转出时请停用,历史记录仍然保留。',
    en: 'People are never deleted: deactivate those who leave; their history stays.',
  },
} satisfies MessageTable;
