// zh-CN texts shared by every part of the bot: help, greetings, who-are-you, generic errors.
export const common = {
  botName: '先锋清单助手',
  help: {
    title: '先锋清单助手 · 我能做什么',
    intro: '在这里记录先锋作为、提交承诺、查看积分。直接点按钮，或者发送下面的指令（可省略“/”）：',
    memberCommands: [
      ['积分', '我的积分、各项得分和支部排名（可加“本月 / 本季 / 本年”）'],
      ['记录', '记录一项先锋作为，支部书记审核后计分'],
      ['我的记录', '查看、撤回或修改已提交的记录'],
      ['承诺', '我的年度承诺，填写进度'],
      ['排行', '支部积分榜'],
      ['志愿', '登记志愿服务时长'],
      ['请假 / 销假', '暂停或恢复提醒'],
    ],
    secretaryCommands: [
      ['待审', '待审核的记录和承诺'],
      ['扣分', '记录基础项扣分'],
      ['否决', '提出否决项（需党委确认）'],
      ['支部', '本支部当前情况'],
      ['主题党日', '精品主题党日库与安排'],
      ['导出', '导出 Excel'],
      ['评议', '年度评议：下载模板、录入民主和群众评价、预览等次（管理员定稿）'],
      ['党员之星', '党员之星候选人与公布（管理员）'],
    ],
    secretaryTitle: '支部书记',
    buttons: { points: '我的积分', record: '记录作为', pledges: '我的承诺', board: '排行榜', pending: '待审' },
    unknownCommand: (typed: string) => `没有找到“${typed}”这个指令，看看下面这些：`,
  },
  welcome: {
    title: '欢迎使用先锋清单助手',
    body: (name: string) => `${name}同志，您好！这里可以随时记录先锋作为、提交年度承诺、查看积分和排名。`,
  },
  notInRoster: {
    title: '未找到您的党员信息',
    body: '您还不在“十个一”先锋清单的党员名册中，暂时无法使用。请联系所在党支部书记或党委组织部门，把您加入名册。',
  },
  inactive: {
    title: '账号已停用',
    body: '您在党员名册中的状态为“停用”，暂时无法使用。如有疑问，请联系所在党支部书记。',
  },
  errors: {
    title: '操作没有完成',
    generic: '出了点问题，请稍后再试。如果一直不行，请联系党支部书记。',
    forbidden: '您没有权限进行这项操作。',
    notFound: '没有找到相关记录，可能已被处理或删除。',
    invalidInput: '填写的内容有误，请检查后重试。',
    tooLong: (max: number) => `内容太长了，请控制在 ${max} 字以内。`,
    alreadyDone: '已经处理过了，无需重复操作。',
    busy: '系统繁忙，请稍后再试。',
  },
  toast: {
    done: '已完成',
    alreadyDone: '已经处理过了',
    failed: '操作失败，请重试',
  },
  groupBound: (branch: string) => `本群已绑定为“${branch}”的支部群，亮诺墙和公示会发到这里。`,
} as const;
