// The starting "十个一" catalog of product.md §3 and the §5 evaluation defaults, as a validated rules version.
//
// Why a function of the year: each year gets its own version, so next year's edits never rewrite this
// year's history. The seed script stores what this returns; the committee edits it from there.
import { RulesDefinition, type RulesDefinitionInput } from './rules-schema.js';

function defaultRulesInput(year: number): RulesDefinitionInput {
  return {
    year,
    revision: 1,
    effectiveFrom: `${year}-01-01`,
    basic: [
      { code: 'B1', name: '组织生活', description: '三会一课、主题党日、组织生活会出勤', yearlyQuota: 20 },
      { code: 'B2', name: '党员义务', description: '理论学习、按时交纳党费、履行党员八项义务', yearlyQuota: 20 },
      { code: 'B3', name: '组织任务', description: '党建“三联”示范点、志愿服务、组织安排的活动', yearlyQuota: 20 },
    ],
    deductions: [
      { code: 'B1-ABSENCE', name: '无故缺席三会一课/主题党日', item: 'B1', points: 2, unitLabel: '次' },
      { code: 'B2-DUES', name: '未按时交纳党费', item: 'B2', points: 1, unitLabel: '月' },
      { code: 'B2-STUDY', name: '理论学习未达标', item: 'B2', points: 1, unitLabel: '次' },
      { code: 'B3-TASK', name: '未完成组织安排任务', item: 'B3', points: 2, unitLabel: '次' },
    ],
    vanguard: {
      yearlyTotalCap: 40,
      roles: [
        {
          code: 'V1',
          name: '宣传员',
          yearlyCap: 10,
          activities: [
            { code: 'V1-TALK', name: '政策宣讲', unitLabel: '场', pointsPerUnit: 2, aliases: ['宣讲', 'policy talk'] },
            { code: 'V1-ARTICLE', name: '宣传稿件发表', unitLabel: '篇', pointsPerUnit: 1, aliases: ['稿件', '发稿', 'article'] },
            { code: 'V1-EDUCATION', name: '形势任务教育', unitLabel: '次', pointsPerUnit: 1, aliases: ['形势教育'] },
          ],
        },
        {
          code: 'V2',
          name: '安全员',
          yearlyCap: 10,
          activities: [
            {
              code: 'V2-HAZARD',
              name: '发现并处置隐患',
              unitLabel: '处',
              pointsPerUnit: 0.5,
              monthlyCap: 5,
              aliases: ['隐患', '处置隐患', '排查隐患', 'hazard'],
            },
            { code: 'V2-TRAINING', name: '安全培训授课', unitLabel: '次', pointsPerUnit: 2, aliases: ['安全培训', '授课'] },
            { code: 'V2-EMERGENCY', name: '应急抢险', unitLabel: '次', pointsPerUnit: 3, aliases: ['抢险', 'emergency'] },
          ],
        },
        {
          code: 'V3',
          name: '成本员',
          yearlyCap: 10,
          activities: [
            {
              code: 'V3-SAVING',
              name: '提质增效/节约成本',
              unitLabel: '元',
              pointsPerUnit: 1,
              unitSize: 10000,
              aliases: ['提质增效', '节约成本', '降本', 'saving'],
            },
            { code: 'V3-IMPROVEMENT', name: '小改小革', unitLabel: '项', pointsPerUnit: 2, aliases: ['小改革'] },
            { code: 'V3-ENERGY', name: '节能降耗', unitLabel: '项', pointsPerUnit: 1, aliases: ['节能'] },
          ],
        },
        {
          code: 'V4',
          name: '技术员',
          yearlyCap: 10,
          activities: [
            { code: 'V4-PROBLEM', name: '难题攻关', unitLabel: '项', pointsPerUnit: 3, aliases: ['攻关'] },
            { code: 'V4-INNOVATION', name: '技术革新成果', unitLabel: '项', pointsPerUnit: 3, aliases: ['技术革新', '革新'] },
            { code: 'V4-MENTORING', name: '技能帮带', unitLabel: '人·月', pointsPerUnit: 1, aliases: ['帮带', '师带徒'] },
          ],
        },
      ],
    },
    vetoes: [
      { code: 'X1', name: '违背党的路线方针政策' },
      { code: 'X2', name: '违反法律法规和党纪党规' },
      { code: 'X3', name: '触碰安全、稳定、意识形态“红线”' },
    ],
    evaluation: {
      weights: { democratic: 50, checklist: 30, mass: 20 },
      grades: { excellent: 90, qualified: 75, basicallyQualified: 60 },
      excellentShareLimit: { numerator: 1, denominator: 3 },
    },
    stars: {
      // One star per ten members (at least one per branch), so large and small branches are treated alike.
      selection: { mode: 'share', share: { numerator: 1, denominator: 10 } },
      rankAmong: 'all',
      components: [
        { code: 'political', name: '政治素质优', minScore: 85 },
        { code: 'jobSkill', name: '岗位技能优', minScore: 85 },
        { code: 'performance', name: '工作业绩优', minScore: 85 },
        { code: 'mass', name: '群众评价优', minScore: 85 },
      ],
    },
    pledgeWindow: { start: { month: 1, day: 1 }, end: { month: 2, day: 'last' } },
  };
}

/** The default rules version for `year`, parsed by the schema so it is exactly what a stored file would give. */
export function buildDefaultRules(year: number): RulesDefinition {
  return RulesDefinition.parse(defaultRulesInput(year));
}
