"""Why/what questions on the seed: (question, route, a section the citations must include, key phrase
the answer text must contain). Written as citizens ask them; the phrases are quoted from the document."""

PROFILE = "部门职责及机构设置情况"
TOTAL = "部门预算安排的总体情况"
RUNNING = "机关运行经费安排情况"
THREE = "财政拨款“三公”经费预算情况及增减变化原因"
GOALS = "部门整体绩效目标"
TERMS = "名词解释"
PROJECTS = "部门项目绩效目标表"
UNITS = "部门机构设置情况"

CASES = [
    # hybrid: a figure from the tables plus the reason quoted from the text
    ("项目支出为何减少", "hybrid", "比上年增减情况", "不包含市财政向各县(市)区转移支付"),
    ("项目支出为什么比去年少了", "hybrid", "比上年增减情况", "127.75"),
    ("项目经费为啥减少了", "hybrid", "比上年增减情况", "79.9"),
    ("基本支出为什么减少", "hybrid", "比上年增减情况", "主要为人员经费支出减少"),
    ("基本支出减少的原因是什么", "hybrid", "比上年增减情况", "75.12"),
    ("三公经费为什么是零", "hybrid", THREE, "未支出使用财政资金"),
    ("三公经费为什么为0", "hybrid", THREE, "未支出使用财政资金"),
    ("为什么三公经费没有变化", "hybrid", THREE, "持平"),
    ("今年预算为什么比去年减少", "hybrid", "比上年增减情况", "155.02"),
    ("总预算减少的原因", "hybrid", "比上年增减情况", "155.02"),
    # narrative: purposes
    ("机关运行经费主要用于什么", "narrative", RUNNING, "主要用于"),
    ("机关运行经费用在哪里", "narrative", RUNNING, "离退休人员福利费"),
    ("人民会堂的运行经费用于什么", "narrative", RUNNING, "办公及印刷费"),
    ("人民会堂的机关运行经费是干什么的", "narrative", RUNNING, "32.24"),
    ("专项业务培训费用于什么", "narrative", PROJECTS, "培训"),
    ("党组织活动经费用来做什么", "narrative", PROJECTS, "党组织活动"),
    ("市级劳动模范一次性奖励资金的用途", "narrative", PROJECTS, "劳动模范"),
    ("困难职工帮扶资金的用途是什么", "narrative", PROJECTS, "困难职工"),
    # narrative: what is
    ("人民会堂是什么单位", "narrative", UNITS, "事业"),
    ("石家庄人民会堂是什么性质的单位", "narrative", UNITS, "事业"),
    ("总工会本级是什么单位", "narrative", UNITS, "行政"),
    ("人民会堂的经费保障形式是什么", "narrative", UNITS, "定额或定项补助"),
    ("什么是三公经费", "narrative", TERMS, "因公出国"),
    ("三公经费指什么", "narrative", TERMS, "公务接待费"),
    ("什么是机关运行经费", "narrative", TERMS, "公用经费"),
    ("机关运行经费的定义", "narrative", TERMS, "办公及印刷费"),
    ("什么是财政拨款收入", "narrative", TERMS, "本级财政当年拨付的资金"),
    ("财政专户管理资金收入是什么意思", "narrative", TERMS, "教育收费"),
    ("单位资金收入指什么", "narrative", TERMS, "事业收入"),
    ("什么是事业收入", "narrative", TERMS, "专业业务活动"),
    ("上年结转是什么意思", "narrative", TERMS, "以前年度安排"),
    ("事业单位经营收入是什么", "narrative", TERMS, "非独立核算经营活动"),
    ("什么叫部门预算支出", "narrative", TERMS, "人员类项目支出"),
    ("事业单位经营支出指的是什么", "narrative", TERMS, "非独立核算"),
    # narrative: goals and indicators in prose
    ("劳模体检的绩效目标是什么", "narrative", PROJECTS, "体检工作"),  # the project's own 绩效目标表
    ("关爱劳模身体健康的目标", "narrative", GOALS, "每年组织一次健康体检"),
    ("帮扶救助困难职工的绩效目标是什么", "narrative", GOALS, "解困脱困"),
    ("市级劳模一次性奖励的目标是什么", "narrative", PROJECTS, "劳动模范"),
    ("完成重大政治任务方面的绩效指标", "narrative", GOALS, "100场"),
    ("职工文化阵地建设有什么目标", "narrative", GOALS, "职工书屋"),
    ("普法宣传教育方面的目标是什么", "narrative", GOALS, "宪法"),
    ("安全维稳方面的绩效目标", "narrative", GOALS, "万无一失"),
    ("部门整体绩效目标是什么", "narrative", GOALS, "工人阶级"),
    ("促进工会工作的相关培训的绩效目标", "narrative", GOALS, "集体合同制度"),
    ("工作保障措施有哪些", "narrative", GOALS, "完善"),
    ("如何加强支出管理", "narrative", GOALS, "优化资金配置"),
    ("怎么做好绩效自评", "narrative", GOALS, "绩效自评"),
    ("如何强化绩效运行监控", "narrative", GOALS, "绩效运行监控"),
    # narrative: duties and other sections
    ("部门的主要职责是什么", "narrative", PROFILE, "工会"),
    ("总工会负责哪些工作", "narrative", PROFILE, "工会"),
    ("总工会怎么维护职工权益", "narrative", PROFILE, "职工"),
    ("工会经费和工会资产由谁管理", "narrative", PROFILE, "工会经费和工会资产"),
    ("有没有专项资金预算", "narrative", "部门主管专项资金预算安排情况及绩效目标", "无专项资金预算"),
    ("部门主管专项资金情况如何", "narrative", "部门主管专项资金预算安排情况及绩效目标", "无专项资金"),
    ("国有资产情况怎么样", "narrative", "国有资产信息", "固定资产"),
    ("上年末固定资产的情况是怎么说明的", "narrative", "国有资产信息", "0.00万元"),
    ("有没有其他需要说明的事项", "narrative", "其他需要说明的事项", "无其他需要说明的事项"),
    ("部门预算是怎么编制的", "narrative", TOTAL, "综合预算管理"),
    ("收入说明里怎么说的", "narrative", "收入说明", "4154.03"),
    ("支出预算的总体情况说明", "narrative", "支出说明", "3721.03"),
    ("劳模体检要让劳模感受到什么", "narrative", GOALS, "关心关怀"),
]

# Off-topic or undisclosed: the text route must abstain, never quote something near.
ABSTAIN = [
    "上海的天气怎么样",
    "编制人数是多少",
    "有多少辆公车",
    "总工会主席是谁",
    "总工会办公地址在哪里",
    "明年的预算计划是什么",
    "股票应该怎么买",
    "职工的平均工资是多少钱一个月",
]
