// zh-CN: every chat command by role, one line each, for the help card. Commands other helpers build are
// listed here too, so the help card is the one place a person learns what the bot can do.
type CommandLine = readonly [command: string, what: string];

export const helpMenu = {
  memberTitle: '党员',
  secretaryTitle: '支部书记',
  adminTitle: '党委管理员',
  member: [
    ['记录', '记录一项先锋作为，支部书记审核后计分（例：记录 安全员 发现并处置隐患 3 处）'],
    ['我的记录', '查看已提交的记录，撤回待审的、修改退回的'],
    ['积分', '我的先锋清单得分、各项积分、支部排名和走势（可加“本月 / 本季 / 本年”）'],
    ['排行', '支部积分榜（可加“本月 / 本季 / 本年”）'],
    ['承诺', '我的年度承诺：定诺、查看审核意见、填写践诺进度'],
    ['志愿', '登记志愿服务时长'],
    ['请假 / 销假', '请假期间暂停提醒，销假后恢复'],
    ['党日', '主题党日：党员回复参加或请假、按时签到；书记从精品库安排，确认或免除缺席扣分'],
  ] as const satisfies readonly CommandLine[],
  secretary: [
    ['待审', '待审核的记录和承诺，可批量通过'],
    ['支部', '本支部当前情况：党员积分、未记录的人、待审、异议'],
    ['审诺', '审核党员提交的承诺'],
    ['评诺', '年中盘点、年终评定承诺践诺情况'],
    ['亮诺', '把已审核的承诺发到支部群'],
    ['扣分', '记录基础项扣分，党员可提异议'],
    ['否决', '提出一票否决（需党委确认）'],
    ['公示', '把上月积分排名公示到支部群'],
    ['评议', '录入民主测评和群众评议分数'],
    ['导出', '导出 Excel：积分、排名、评议、承诺、志愿（管理员导出全部，含审计）'],
  ] as const satisfies readonly CommandLine[],
  admin: [
    ['审计', '最近的操作记录（谁、何时、改了什么）'],
    ['评议 调整', '调整已定稿的评议结果（须写明原因，记入审计）'],
    ['指标', '“六升两降”指标对比'],
    ['党员之星', '党员之星候选与确认'],
    ['推送', '立即发送某项定时推送'],
  ] as const satisfies readonly CommandLine[],
  buttons: {
    record: '记录作为',
    myRecords: '我的记录',
    points: '我的积分',
    board: '支部排行',
    pledges: '我的承诺',
    volunteer: '志愿服务',
    pending: '待审',
    branch: '支部概况',
  },
} as const;
