// Chinese texts for demo records, drawn from the programme's field examples (product.md §3): hazards handled on
// well sites, an unjamming tool that freed 385 wells, task forces, volunteer turns. `{n}`, `{well}` and
// `{station}` are filled in by the generator.
import type { PledgeServesCode } from './demo-types.js';

export const CLAIM_DESCRIPTIONS: Record<string, readonly string[]> = {
  'V1-TALK': ['在班组班前会宣讲安全生产政策', '为井区职工宣讲提质增效形势任务', '在{station}开展惠企政策宣讲'],
  'V1-ARTICLE': ['撰写《党员突击队鏖战{station}》在厂报发表', '在油田公众号发表井区先锋事迹稿件', '撰写班组节能降耗经验稿件被采用'],
  'V1-EDUCATION': ['组织班组开展形势任务教育', '给新员工讲石油精神和岗位责任', '在{station}组织“算清效益账”学习'],
  'V2-HAZARD': [
    '巡检中发现{well}井口盘根渗漏并及时处置，共{n}处',
    '排查{station}管线腐蚀穿孔隐患{n}处并组织整改',
    '发现并处置抽油机刹车失灵、护栏缺失等隐患{n}处',
    '冬季巡检发现{well}伴热线失效等隐患{n}处，已整改销号',
  ],
  'V2-TRAINING': ['为班组讲授《井口操作安全规程》', '在{station}开展硫化氢防护培训授课', '讲授受限空间作业安全培训'],
  'V2-EMERGENCY': ['参加{well}井管线穿孔应急抢险，连续作业六小时', '夜间参加{station}停电应急处置', '参加暴雨后井场防汛抢险'],
  'V3-SAVING': [
    '优化{well}等井生产参数，节约电费',
    '修旧利废回收抽油杆、阀门，节约材料费',
    '自主完成{station}机泵维修，节约外委费用',
  ],
  'V3-IMPROVEMENT': ['研制井口取样防溅装置', '改进加药装置计量方式', '制作抽油机皮带更换辅助工具'],
  'V3-ENERGY': ['对{station}加热炉实施燃烧优化，降低天然气消耗', '推行间抽制度，降低低产井耗电', '更换节能电机，降低能耗'],
  'V4-PROBLEM': ['攻关{well}井频繁卡泵难题，检泵周期明显延长', '解决{station}外输泵振动超标问题', '攻关结蜡井清防蜡工艺'],
  'V4-INNOVATION': ['“井口在线含水监测”技术革新成果获厂级奖励', '研发注水井智能配注调节装置', '编制抽油机平衡调整计算小程序'],
  'V4-MENTORING': ['带徒{n}名，指导其掌握采油工中级工技能', '帮带新分配大学生{n}人熟悉井区工艺', '指导{n}名青工备战技能竞赛'],
};

/** The field example of §3: a cost officer whose unjamming tool freed 385 wells and saved over 2.4 million yuan. */
export const STAR_SAVING_DESCRIPTION = '研制抽油泵解卡工具并推广应用，盘活385口停产井，节约作业成本240余万元';
/** The field example of §3: a safety officer who found and handled 800+ hazards over the year. */
export const STAR_HAZARD_DESCRIPTION = '带领班组开展“隐患随手拍”，本月发现并处置隐患{n}处';

export const STATIONS = ['一号计量站', '二号计量站', '三号注水站', '联合站', '中转站', '天然气处理站', '集输泵房', '东区井场'];

export const RETURN_COMMENTS = ['请补充现场照片后重新提交', '数量与台账不一致，请核实', '该项已由班组统一申报，请勿重复申报', '描述不清，请写明时间地点和处置结果'];

export const DEDUCTION_REASONS: Record<string, readonly string[]> = {
  'B1-ABSENCE': ['无故缺席支部党员大会', '无故缺席主题党日活动', '未请假缺席党小组会'],
  'B2-DUES': ['未按时交纳本月党费'],
  'B2-STUDY': ['季度理论学习测试未达标', '未完成本月学习强国学习任务'],
  'B3-TASK': ['未完成支部安排的志愿服务任务', '未按期完成党建“三联”示范点分工任务'],
};

export const OBJECTION_TEXTS = ['当天在井场参加应急抢险，已向班长报告', '已通过手机银行交纳，附转账截图', '当时在外培训，有培训通知为证'];
export const OBJECTION_UPHELD = ['经核实情况属实，撤销扣分', '核实已按时交纳，撤销扣分'];
export const OBJECTION_REJECTED = ['经核实未履行请假手续，维持扣分', '未提供有效证明，维持扣分'];

export const PLEDGES: Record<PledgeServesCode, readonly (readonly [content: string, target: string])[]> = {
  B1: [['按时参加“三会一课”和主题党日，不缺席', '全年出勤率100%']],
  B2: [['坚持理论学习，按时足额交纳党费', '全年学习测试全部达标'], ['带头履行党员义务，做到“四讲四有”', '全年无违纪违规']],
  B3: [['积极参加志愿服务和党建“三联”活动', '全年志愿服务不少于24小时']],
  V1: [['当好井区宣传员，讲好身边先锋故事', '全年发表宣传稿件不少于6篇'], ['开展政策宣讲进班组', '全年宣讲不少于4场']],
  V2: [['当好安全员，带头开展隐患排查', '全年发现并处置隐患不少于50处'], ['做到党员身边无三违', '所在班组全年零违章']],
  V3: [['当好成本员，修旧利废降成本', '全年节约成本不少于5万元'], ['开展小改小革', '完成小改小革2项']],
  V4: [['当好技术员，攻关生产难题', '完成1项难题攻关，检泵周期延长20%'], ['开展技能帮带', '带徒2名，帮助其取得中级工证书']],
  MASSES: [['为群众办实事：帮助班组解决倒班职工就餐难', '年内协调解决并经职工评议满意'], ['结对帮扶困难职工家庭', '每季度走访1次']],
};

export const PROGRESS_TEXTS = ['已完成季度计划', '按计划推进，部分指标超额完成', '受生产任务影响略有滞后，下季度补上', '已基本完成全年目标'];

export const VOLUNTEER_ACTIVITIES = [
  '社区义务植树',
  '油区环境整治',
  '走访慰问孤寡老人',
  '“学雷锋”义务维修家电',
  '无偿献血',
  '交通安全劝导',
  '关爱留守儿童进校园',
  '防汛抢险志愿服务',
];

/** Fills `{n}`, `{well}` and `{station}`. */
export function fillText(template: string, values: { n: number | string; well: string; station: string }): string {
  return template.replaceAll('{n}', String(values.n)).replaceAll('{well}', values.well).replaceAll('{station}', values.station);
}
