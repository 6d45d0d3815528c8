"""Whole questions through the real assistant over every stored sample: each part of the plan answers
the piece it was read from (a share read in the row the anaphora points at, two counts of one thing in
different measures, a bare moment after 比, an open comparison with its rate and amount), and a sentence
that gives the thing asked no sum of money is no amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.service import Assistant
from index.settings import load_settings

W24 = "shanghai_putuo_wanli_2024_budget-pdf"
GHZY = "shanghai_putuo_ghzy_2024_final-pdf"
CZJ = "shanghai_putuo_czj_2024_final"
SEED = "shijiazhuang_federation_of_trade_unions_2024_budget"
JTW = "chongqing_jtw_2018_budget"
JGW = "shanghai_putuo_jgw_2026_budget"
W25 = "shanghai_putuo_wanli_2025_budget"
SFLYY = "shanghai_putuo_sflyy_2024_unit_budget-pdf"
SWJ = "shanghai_putuo_swj_2025_budget-pdf"
SWJU = "shanghai_putuo_swj_2025_unit_budget-pdf"


@pytest.fixture(scope="module")
def assistant(sample_store):
    return Assistant(store=sample_store, settings=load_settings())


# document, question, each part's (value, unit); None: the part abstains
CASES = [
    (W24, "城乡社区支出里基本支出和项目支出分别多少？项目支出占这一类的比重？",
     [("76609000", "元"), ("42776303", "元"), ("35.83", "%")]),  # of 城乡社区支出's own 项目支出
    (W24, "项目支出占城乡社区支出的比重", [("35.83", "%")]),  # a column within the row it is a share of
    (GHZY, "公务接待一共几批、多少人次？花了多少钱", [("2", "批次"), ("26", "人次"), ("0.39", "万元")]),
    (GHZY, "结转结余年末比年初少了多少？", [("-12.88", "万元")]),  # 年末 − 年初, not against last year
    (GHZY, "年末结转结余比年初结转结余少了多少", [("-12.88", "万元")]),
    (GHZY, "机关运行经费跟2023年比变化多大？", [("-8.65", "%")]),
    (CZJ, "那2台100万以上的设备各值多少钱？", [None]),  # 单价100万元以上 is a threshold, not a price
    (GHZY, "在项目支出里面，自然资源海洋气象这块占多少？", [("48.43", "%")]),  # the row's 项目支出
    (GHZY, "支出总计占项目支出的比例", [None]),  # a part is never more than its whole
    (W24, "政府采购预算一共多少？其中工程和服务各占多少钱？",
     [("1662.44", "万元"), ("815.87", "万元"), ("752.59", "万元")]),
    (SEED, "石家庄人民会堂的机关运行经费安排了多少？", [("32.24", "万元")]),  # not 石家庄市总工会's
    (SEED, "机关运行经费一共安排多少？其中机关本级是多少？",
     [("72.75", "万元"), ("40.51", "万元")]),  # the body's own (石家庄市总工会机关运行经费), never the total again
    (SEED, "总工会本级和人民会堂的机关运行经费差多少？", [("8.27", "万元")]),  # each owner's figure
    (JTW, "一般公共预算拨款里，项目支出占几成？", [("81.22", "%")]),  # tables as images: the 说明's figures
    (JGW, "兰溪路-真南路下立交工程项目资金总额是多少？今年这笔占总额的百分比是多少？",
     [("771325800.00", "元"), ("29.32", "%")]),
    (JGW, "建设市场管理与监督那一款里，项目支出比基本支出多多少？", [("6598403", "元")]),  # 市场 is no city
    (W24, "街道今年基本支出里的人员经费一共多少", [("88537451", "元")]),  # 街道: the one asked about
    (W24, "住房保障支出具体分哪几项？各多少", [(None, None)]),  # a list: checked below
    (W25, "除了城乡社区支出，哪一类花钱最多？", [("16091895", "元")]),  # never the one left out
    (JGW, "一般公共预算里除了城乡社区，第二多的是哪一类支出？多少钱", [("62000000.00", "元")]),
    (CZJ, "行政单位医疗这项，决算跟年初预算差了多少", [("1.30", "万元")]),
    (CZJ, "年末结转结余比年初多了百分之多少", [("12.62", "%")]),
    (CZJ, "住房公积金和购房补贴各花了多少？后者比前者多多少",
     [("187.19", "万元"), ("258.50", "万元"), ("71.31", "万元")]),
    (GHZY, "三公经费年初预算是多少？决算数是多少？执行了年初预算的百分之几",
     [("2.85", "万元"), ("0.39", "万元"), ("13.68", "%")]),  # a completion rate, not a growth rate
    (JGW, "三公经费预算多少？比机关运行经费少多少万元", [("42.24", "万元"), ("-82.32", "万元")]),  # 比X: it against X
    (JGW, "兰溪路-真南路下立交工程项目资金总额比年度资金申请总额多多少", [("545180700.00", "元")]),  # the project's two
    (JGW, "基本支出扣掉人员经费还剩多少", [("8307651.20", "元")]),  # 扣掉: a difference
    (JGW, "建管委的收入预算是多少", [("3286618082.20", "元")]),  # 收入预算: 收入总计, never 支出总计
    (GHZY, "城乡社区规划与管理（2120201）这一项里，基本支出是多少", [("488.68", "万元")]),  # (code) then 这一项里
    (SWJ, "科技创新专项和生命健康专项这两个专项加起来总预算多少", [("2890.00", "万元")]),  # 总预算: the sum asked
    (JTW, "我是跑运输的。请问市交委2018年政府性基金预算支出是多少", [("38610", "万元")]),  # a sentence telling who
    (W24, "我想查一下2024年基本支出里的其他交通费用", [("691680", "元")]),  # 想查一下: asking words
    (W24, "2024年那份预算文件里，其他社会保障和就业支出2023年执行数是多少", [("1410.22", "万元")]),  # the file's year
    (CZJ, "财政事务里行政运行和信息化建设的项目支出各多少", [("8.37", "万元"), ("135.25", "万元")]),  # each row
    (CZJ, "基本支出里，一般行政管理事务花了多少", [None]),  # its 基本支出 cell is blank: never the row's total
    (CZJ, "政府采购里服务购买了多少", [("246.47", "万元")]),  # 购买了: asks the amount
    (SWJU, "用于扶持企业的“科技条件专项”一共多少", [("17200000.00", "元")]),  # 用于…的: what it is for, no ask
    (SEED, "石家庄人民会堂这家单位自身的公用经费是多少", [None]),  # the unit's own: not stated, never the total
    (SWJU, "编报绩效目标的项目每项多少钱", [None]),  # only their total is stated
    (JTW, "属于市交委的二级事业单位有几个", [("8", "个")]),  # 属于: no place named
    (JTW, "政府采购预算分成货物、工程、服务三块，哪块最多？", [("4728.6", "万元")]),  # 分成A、B、C: among its parts
    (JTW, "交委下属单位2018年政府采购预算是多少", [("6060.41", "万元")]),  # its units together: the department
    (CZJ, "今年（2024年）信息化建设花了多少", [("135.25", "万元")]),  # the year restated in brackets
    (SEED, "说明里列出的项目支出里，哪个最多？", [("226.99", "万元")]),  # among the items the 说明 lists under it
    (GHZY, "政府采购分成货物、工程、服务，各自多少", [(None, None)]),  # the parts listed: a list (checked below)
    (CZJ, "财政事务款里的基本支出，分别按行政运行、一般行政管理事务列一下各是多少",
     [("1503.52", "万元"), None]),  # the column said first, read in each row (the second's cell is blank)
    (W24, "面向中小企业预留多少？小微在预留里占几成", [("664.98", "万元"), ("70.00", "%")]),  # 预留 in context
    (SWJ, "生命健康专项预算多少？支持企业规模化发展多少？后者在专项里占比多少",
     [("1170.00", "万元"), ("870.00", "万元"), ("74.36", "%")]),  # 专项: the one named before
    (SEED, "省级和市级两项困难职工及劳模帮扶救助资金合计多少", [("362.53", "万元")]),  # each as the 说明 names it
    (SFLYY, "事业单位离退休、职业年金缴费、基本养老保险缴费分别是多少",  # 缴费 beside one name is only its own
     [("538440", "元"), ("383789", "元"), ("767579", "元")]),
    (SWJU, "支持中小企业那块的经费是科技条件专项的多少倍", [("17.08", "倍")]),  # 那块的经费: that money itself
    (JTW, "基本支出，即发工资和日常办公那块，有多少", [("61042.17", "万元")]),  # a description, not names asked
    (JGW, "其他城乡社区管理事务支出那一项，项目支出是多少", [("232483810", "元")]),  # 那一项，: the row it is read in
    (CZJ, "算算人头费里最大的两块：基本工资加津贴补贴一共多少", [("1500.91", "万元")]),  # a lead-in before the colon
    (SEED, "2023年三公经费是多少？按2024年的数推算", [("0", "万元")]),  # worked from 2024: 2023 asked (持平)
    (W24, "小微企业预留的采购预算在面向中小企业预留的总额里占几成", [("70.00", "%")]),  # X的总额里: the container
    (W24, "人头费，基本工资加上津贴补贴一共多少元？", [("22497361", "元")]),  # 人头费 holds 301's rows
    (W25, "卫生健康支出合计多少元？在卫生健康支出里基本支出占多大比重？", [("3216973", "元"), ("93.78", "%")]),
    (W25, "社会保障和就业支出合计多少？基本支出和项目支出各是多少？",  # columns right after one row: its own
     [("16091895", "元"), ("13755695", "元"), ("2336200", "元")]),
    (SEED, "市级劳动模范一次性奖励资金是多少？按奖励人数算，人均多少", [("40.00", "万元"), ("0.20", "万元/人")]),
    (SEED, "总工会机关的机关运行经费跟人民会堂的机关运行经费差多少", [("8.27", "万元")]),  # each owner's figure
    (SEED, "省级困难职工及劳模帮扶救助专项补助比上年增长了百分之几", [("13.81", "%")]),  # its stated change's name
    (GHZY, "行政运行年初预算多少？决算又是多少", [("1115.48", "万元"), ("1092.80", "万元")]),
    # the 决算 asked beside its 年初预算 is the pair's (财政拨款), not the all-funds table's 1105.68
    (GHZY, "行政运行决算是多少", [("1105.68", "万元")]),
    (GHZY, "基本工资和绩效工资两块合计多少", [("2131.66", "万元")]),  # 两块 counts the names, names nothing
    (W24, "行政事业单位医疗这块，行政单位医疗是多少", [("1422233", "元")]),  # 这块， a container
    (W24, "政府采购里货物多少？工程多少？前者比后者少多少",  # 前者/后者 across two one-figure parts
     [("93.98", "万元"), ("815.87", "万元"), ("-721.89", "万元")]),
    (W24, "编报了绩效目标的项目一共涉及多少资金", [("5634.81", "万元")]),  # the amount in the next clause
    (SWJ, "职工每月的房贴，也就是购房补贴，安排了多少", [("1488000.00", "元")]),  # 每月 said in the words replaced
    (SWJ, "给机关工作人员缴纳的住房公积金有多少", [("1361034.00", "元")]),  # who it is paid for: no name
    (SEED, "行政单位离退休比事业单位离退休多花多少？", [("698.05", "万元")]),  # 多花多少: a difference
    (CZJ, "财政局项目支出占全年总支出几成？", [("20.51", "%")]),  # 总支出 in a 决算: the year's 本年支出合计
    (CZJ, "支出总计是多少", [("2995.39", "万元")]),  # named as printed: 支出总计 itself
    (JGW, "建管委按功能分类哪个大类的支出排第二？", [("62000000.00", "元")]),  # 哪个大类 is no 哪个大
    (JGW, "一般公共预算这块比去年降了百分之几？", [("-10.78", "%")]),  # stated for its 拨款支出, equal
    (W24, "24年财政拨款比23年预算少了百分之几？", [("-5.31", "%")]),  # 少了百分之几: a rate, not a share
    (W25, "万里街道25年有多少在编工作人员？", [None]),  # a count of something no sentence counts
    (SWJU, "商务委单位预算里社保就业那块有多少公用经费？", [("242220.00", "元")]),  # 收支总表's uncoded row
    (SWJU, "商务委单位预算里社保就业支出的人员经费和公用经费各多少？",
     [("3565865.00", "元"), ("242220.00", "元")]),  # columns of one row
    (SWJU, "商务委单位预算的机关运行经费多少？政府采购预算呢？两者加起来是多少？",
     [("171.01", "万元"), ("38.20", "万元"), ("209.21", "万元")]),  # 两者 across one-figure parts
    (SWJ, "科技创新专项里各级企业技术中心和专精特新认定给了多少钱？", [("1720.00", "万元")]),  # stated as one
    (SFLYY, "福利院绩效目标项目有几个？涉及多少钱？", [("1", "个"), ("262.00", "万元")]),
    (SFLYY, "社会福利事业单位这项比2023年执行数多了多少钱？", [("27.32", "万元")]),  # the 说明's pair
    (SFLYY, "职业年金缴费支出比2023年执行数增长率多少", [("8.57", "%")]),  # the rate as stated
    (SFLYY, "福利院养老支出这一款下面几项分别是多少？", [(None, None)]),  # a list, not a count
    (GHZY, "有没有外宾接待？几批？", [("0", "批次")]),  # whether there are any: the count says
    (SFLYY, "福利院一共有多少张床位、住了多少老人？", [None, None]),  # no figure in any quote: not stated
    (SWJU, "商务委单位预算的支出一共涉及几个功能大类？", [("7", "个")]),  # 单位预算 names no 单位 to count
    (W24, "公益岗补贴2024年安排了多少", [("421.23", "万元")]),  # the 项 named after its 类 and 款
    (SWJ, "生命健康专项里面，支持企业规模化发展安排了多少？", [("870.00", "万元")]),  # the item, not the project
    (SWJ, "三公经费今年多少？跟去年比有变化吗", [("1.00", "万元"), ("0", "%")]),  # whether: the rate (持平)
    (W25, "社区公共服务中心新建工程第三季度的用款计划是多少", [("15", "万元")]),  # an item of the project's text
    (JGW, "财务收支预算总表里，收入总计是多少元？", [("3286618082.20", "元")]),
    (W25, "25年街道基本支出比项目支出多出多少？", [("12915941", "元")]),  # a year glued to the short name
    (W24, "24年街道在宣传和组织两块一共安排多少？", [("1994700", "元")]),  # 宣传 → 宣传事务; 两块 counts
    (W25, "城乡社区这块预算一共安排了多少钱？", [("154369326", "元")]),  # the row's total, not 支出总计
    (GHZY, "自然资源事务的事业运行这项，年初预算多少，决算多少？",
     [("4477.33", "万元"), ("4416.67", "万元")]),  # 事业运行 under 自然资源事务, both asked of it
    (JGW, "兰溪路-真南路下立交项目总资金多少？", [("771325800.00", "元")]),  # 总资金: the 项目资金总额
    (JGW, "兰溪路-真南路下立交项目资金是多少", [("226145100.00", "元")]),  # the project's, never the 项目支出 total
    (SWJ, "贸易高质量发展专项里进博会推进专项预算多少？", [("153.00", "万元")]),  # the item's 预算: its amount
    (SWJ, "商务委做了绩效目标的项目有几个？涉及多少钱？", [("25", "个"), ("11381.60", "万元")]),  # 做了: what was done
    (W24, "城管执法24年预算比23年执行数降了多少百分比？", [("-10.69", "%")]),  # the 执行数 a line below its item
    (SFLYY, "社会福利事业单位那958万多里面，财政拨款占多少比例？", [("72.67", "%")]),  # in the part's own row
    (SFLYY, "福利院日常公用开支里第二大的是哪项？", [("320000", "元")]),  # 公用经费's 经济分类 rows
    (SFLYY, "水电费加起来一年多少？", [("380000", "元")]),  # 水费 and 电费 said with one 费
    (W25, "街道基本支出是多少？比项目支出多多少？", [("101341746", "元"), ("12915941", "元")]),  # it, then 比 the other
    (CZJ, "一般公共预算拨款支出年初预算是多少？最后完成了百分之多少？",
     [("2993.92", "万元"), ("98.20", "%")]),  # 完成了百分之多少: a completion rate
    (W24, "公务用车购置费和运行费各多少？今年准备买几辆车？",
     [("25", "万元"), ("21.56", "万元"), ("1", "辆")]),  # 买: the 购置 count, not the fleet
    (GHZY, "三公经费里出国、公车、接待分别花了多少？",
     [("0.00", "万元"), ("0.00", "万元"), ("0.39", "万元")]),  # each item's own 决算数, not the container's
    (W25, "社区公共服务中心这个项目今年四个季度用款计划加起来多少？", [("60", "万元")]),  # the periods listed
    (SEED, "市级劳模一次性奖励给了多少钱？奖励多少个劳模？", [("40.00", "万元"), ("200", "人")]),  # 劳模 in 人
    (CZJ, "在职人员的基本养老保险和职业年金缴费加起来多少？", [("241.13", "万元")]),  # 在职人员: who
    (SWJU, "商务委单位预算里买办公设备安排了多少？", [("78000.00", "元")]),  # 买X: X购置
    (JGW, "兰溪路-真南路下立交今年安排了多少钱？项目总资金多少？",
     [("22614.51", "万元"), ("771325800.00", "元")]),  # its 绩效目标表's 项目资金总额
    (SWJU, "那社会保障和就业这一类里面人员经费呢？", [("3565865.00", "元")]),  # a follow-up's 那 names nothing
    (W25, "组织、宣传、统战这三块事务加起来一共多少钱？", [("2300100", "元")]),  # 这三块 before the head noun
    (GHZY, "规划局年初结转结余是多少？那年末呢？", [("112.88", "万元"), ("100.00", "万元")]),  # the other moment
    (W24, "城乡社区管理事务这个款里，行政运行加一般行政管理事务一共多少？", [("34194251", "元")]),  # rows under it
    (W24, "社区公共服务中心新建工程全年预算多少", [("632.20", "万元")]),  # four quarters, never one taken for the year
    (W25, "社区公共服务中心新建工程今年安排多少", [("60", "万元")]),
    (W24, "组织事务的一般行政管理经费比2023年执行数涨了百分之多少？", [("46.19", "%")]),  # that 款's item, of 7
    (SEED, "劳模一次性奖励平均每人能拿多少", [("0.20", "万元/人")]),  # ÷ its project's 奖励人数
    (JGW, "三公经费今年预算多少？跟2025年比涨了没有？", [("42.24", "万元"), ("0", "%")]),  # whether: the rate
    (W25, "采购给中小企业预留了多少？里面专门留给小微企业的是多少？那不是专门给小微的还剩多少",
     [("1928.48", "万元"), ("1349.94", "万元"), ("578.54", "万元")]),  # the whole before minus its part
    (JTW, "三公经费各项里面，哪一项比去年压减得最多？减了多少", [None, None]),  # a rank of changes: said, not guessed
    (W24, "社区公共服务中心那个项目每季度用款多少？", [("158.05", "万元")]),  # one item, the same each quarter
    (SFLYY, "水费是多少", [("60000", "元")]),  # printed under 30203, not the standard's 30205 (邮电费)
    (SFLYY, "事业单位离退休这一项，2023年实际执行了多少？", [("54.60", "万元")]),  # the 说明's 执行数
    # who asks and why frames the ask and names nothing (assistant/frames.py)
    (SEED, "有市民来电问：退休费是多少？", [("1569.38", "万元")]),
    (SEED, "我在写毕业论文，想问一下人员经费是多少", [("3648.28", "万元")]),
    (SEED, "三公经费：今年安排了多少", [("0", "万元")]),  # a lead-in that names something stays
    (GHZY, "规土局的机关运行经费是多少", [("142.80", "万元")]),  # renamed: 规划和国土资源局 once
    (W25, "这份预算里提到政府采购，政府采购总共多少？", [("4821.20", "万元")]),  # one figure said twice
    # an average over what the figure's own sentence counts (…的项目49个，涉及…资金8825.98万元)
    (W25, "编报绩效目标的项目平均每个多少钱", [("180.12", "万元/个")]),
    (SWJU, "报了绩效目标的项目有几个？平均每个项目多少万？", [("25", "个"), ("455.26", "万元/个")]),
    (SEED, "三公经费平均每人多少", [None]),  # no headcount stated beside it
    (SWJ, "我在整理商务委的采购数据，今年政府采购一共多少？", [("38.20", "万元")]),  # named again after: a frame
    (SWJ, "离休干部的离休费是多少", [("251936", "元")]),  # whose pay it is, not what
    (SWJ, "商务委今年的预算总盘子有几个亿？", [("371514655.00", "元")]),  # 几个亿: how much, not how many
    # a count or rank over things the document does not list is not one over the 功能分类 subjects
    (SWJ, "绩效目标里定了多少家企业要认定？", [None]),
    # the projects the 说明 describes in words (…专项经费情况说明) are a set of their own
    (SWJ, "说明附的几个专项里，哪个专项预算最大？", [("2921.00", "万元")]),  # 几个…里，: where, not how many
    (SWJ, "几个专项里哪个预算最少", [("1170.00", "万元")]),
    (SWJ, "有几个专项", [("4", "个")]),
    (SWJ, "科技创新专项里定了多少家企业要认定", [None]),  # a count of 企业, not of the projects
    (SWJ, "生命健康专项中支持企业创新化发展安排多少", [("70.00", "万元")]),  # the item, not the total
    # a 决算 is read the year after its year: 去年 is its own year (比上年 still compares)
    (CZJ, "去年财政局机关运行经费花了多少？", [("184.65", "万元")]),
    (GHZY, "住房公基金花了多少", [("289.59", "万元")]),  # a homophone slip read as the name
    (W25, "办工费预算多少", [("4333478", "元")]),
    (SEED, "您好！三公经费今年安排了多少", [("0", "万元")]),  # a greeting names nothing
    (JGW, "退休职工的死亡抚恤多少钱", [("89520.00", "元")]),  # who it is for, not a second figure
    (SEED, "总工会职工的住房公积金多少", [("115.21", "万元")]),  # the body itself, not a sub-unit
    (SEED, "机关本级运行经费比会堂多多少", [("8.27", "万元")]),  # 会堂's figure of the same measure
    (W25, "哪一类功能支出最多", [("154369326", "元")]),  # 功能支出: the 功能分类
    # other measures than money: stated by the 说明, never the money of the thing named
    (W25, "社区公共服务中心地上建筑面积多大", [("8013", "平方米")]),
    (GHZY, "项目绩效自评平均多少分", [("99.33", "分")]),
    (JGW, "兰溪路-真南路下立交工程道路有多长", [("985", "米")]),
    (JGW, "道路全长占项目支出的比例", [None]),  # metres are no share of 元
    (W25, "街道现在一共有多少辆车", [("8", "辆")]),  # the cars held
    (W25, "今年打算新购几辆车", [("1", "辆")]),  # the cars bought
    (JTW, "交委所属单位的政府采购预算总额是多少", [("6060.41", "万元")]),  # its units together: the body
    (CZJ, "政府采购总额（按合同签订口径）多少", [("251.25", "万元")]),  # a gloss names no second figure
    (JGW, "就业补助下面两项分别多少", [(None, None)]),  # its rows listed
    (GHZY, "公务接待平均每人次花多少", [("150.00", "元/人次")]),  # over the 人次 the 说明 states
    (SWJ, "所有专项加起来多少钱", [("7221.00", "万元")]),  # the described projects added
    (SWJ, "贸易专项里市级支持总部经济比区级支持总部经济多多少", [("156.00", "万元")]),  # a name said short
    (SEED, "党组织活动经费用款计划到三月底是多少", [("50", "%")]),  # the 资金支出计划's month
    # money named by what it is used for (…3136.40万元，主要用于标准化菜场及副食品行业管理)
    (SWJ, "用于标准化菜场的钱有多少", [("3136.40", "万元")]),
    (SWJ, "管标准化菜场、副食品行业管理的那笔钱多少", [("3136.40", "万元")]),  # one figure reached twice: once
    (SWJ, "管食品安全的钱有多少", [None]),  # no item is used for it
    (SEED, "办公用房多少钱", [None]),  # a piece of one use (办公用房取暖费) names no item
    (SFLYY, "福利院内部设了几个部门", [("5", "个")]),  # the 说明's 内设机构 (the ontology's said_as)
    (SWJU, "商务委机关下面设了多少个科室", [("9", "个")]),
    (CZJ, "财政局搞的那几个项目绩效自评，平均打了多少分", [("99.43", "分")]),  # 那几个: those, no count
    (W25, "社区公共服务中心建筑高度多高", [("29.8", "米")]),
    (JGW, "编报绩效目标的项目一共涉及多少资金", [("314076.90", "万元")]),  # 314,076.90 is one number
    (GHZY, "下面几个单位的医保，也就是事业单位医疗，花了多少", [("196.29", "万元")]),  # the name said again
    (SEED, "三公经费跟去年比有变化吗，原因是什么", [("0", "万元"), ("0", "万元")]),  # whether, then why
    # the 说明 restating a project's figure is no second figure to add
    (SEED, "市劳模一次性奖励一共奖励多少人、总共多少钱", [("200", "人"), ("40.00", "万元")]),
    (SEED, "公用经费那几项里面，除去其他商品和服务支出，哪一项最多？", [("11.50", "万元")]),
    (SWJU, "排第二的支出类别是哪个", [("31364000.00", "元")]),  # 支出类别: the subjects, said so
    (W24, "我在整理街道的采购数据，今年政府采购一共多少？", [("1662.44", "万元")]),  # 街道: the body, no other
    (JGW, "只看一般公共预算的城乡社区支出，城乡社区管理事务这一款占几成？", [("70.57", "%")]),
    # blind set 9 (dev): 今年预算 beside 去年执行数 asks last year's stated figure, also of a 款's one 项
    (SFLYY, "养老保险缴费今年预算比去年执行数多了多少", [("60579.00", "元")]),
    (W24, "组织事务今年安排多少？比去年执行数涨了百分之几", [("888700", "元"), ("46.19", "%")]),
    (GHZY, "机关运行经费跟上年比变了百分之几", [("-8.65", "%")]),  # 变了百分之几: a rate
    (GHZY, "全部项目支出里，城乡社区规划与管理的项目支出占多大比例", [("51.37", "%")]),  # X's cell of the column
    (SWJU, "社会保障和就业支出下面哪个项最大", [("1661216.00", "元")]),  # one 款 says nothing: its 项
    (SFLYY, "公用经费里哪项最花钱", [("1206000", "元")]),  # 最花钱: the largest
    (SFLYY, "今年财政给福利院拨了多少钱", [("9501164", "元")]),  # 财政…拨: 财政拨款
    (JGW, "兰溪路下立交今年安排的钱占项目资金总额百分之多少", [("29.32", "%")]),  # its form's 项目资金总额
    (W24, "新建工程今年四个季度一共计划用多少钱？", [("632.20", "万元")]),
    (SWJU, "绩效目标涉及的项目资金占全部项目支出的比例", [None]),  # never 项目支出 of 本年支出合计
    (SEED, "全市工会会员一共多少人？", [None]),  # 劳动模范200人 counts no 会员
    (CZJ, "绩效自评那4个项目分别叫啥、各多少钱？", [None, None]),  # one total lists nothing
    # beside one of its units the department's figure is its own (本级), never the total holding the unit
    (SEED, "市总机关运行经费比人民会堂多多少", [("8.27", "万元")]),
    (SEED, "市总机关和人民会堂的机关运行经费各多少", [("40.51", "万元"), ("32.24", "万元")]),  # an abbreviation
    (GHZY, "面向中小企业预留的采购预算和面向小微企业预留的各是多少", [("225.10", "万元"), ("164.87", "万元")]),
    (JGW, "建管委部门预算连本部一共几家单位", [("5", "家")]),  # 下属4家 and the 本部 itself
    (JGW, "建管委下属几家预算单位", [("4", "家")]),
    # a piece that asks nothing is context: its words are no figure asked (here: no part of their own)
    (SFLYY, "我去院里看到保洁外包挺多的，物业管理费一年预算多少钱？", [("1206000", "元")]),
    (CZJ, "财政局离休干部那块，行政单位离退休（项）决算多少", [("84.65", "万元")]),
    (SEED, "咱们市总工会今年预算一共多少钱", [("4154.03", "万元")]),  # 咱们市 is no other city
    (SEED, "基本支出公用经费里的福利费是多少", [("7.78", "万元")]),  # 基本支出 only places 公用经费
    (GHZY, "城乡社区规划与管理（项）里面基本支出那一栏是多少", [("488.68", "万元")]),  # (项)里面: the row
    (W25, "公务用车购置费今年多少 比去年少了多少", [("15", "万元"), ("-10", "万元")]),  # a space ends a question
    (SWJ, "按功能分类的几个大类看，哪一类最少？", [("881803", "元")]),  # 几个大类看: where, not how many
    (SWJ, "那几个专项（科技创新、生命健康）加起来多少", [("2890.00", "万元")]),  # the ones listed
    (SWJ, "区级支持总部经济比市级支持总部经济差多少（区级减市级）", [("-156.00", "万元")]),  # a hint, no operand
    (CZJ, "全区2024年一般公共预算收入完成了多少", [None]),  # the government's, not the department's
    (SFLYY, "政府采购里服务类采购占了百分之多少", [("100.00", "%")]),  # one sentence states the whole and part
    (SWJU, "几个类有项目支出", [("4", "个")]),  # the classification's rows, never the 说明's 25 projects
    (W24, "跟上年执行数比，哪个科目涨得最多", [None]),  # a rank of changes: said, never guessed
    (W24, "其他城乡社区公共设施支出安排了多少", [("9721800", "元")]),  # the row, not a project sharing 社区公共
    (GHZY, "一般公共预算财政拨款支出按类分，排第二的是哪一类", [("3832.36", "万元")]),  # in that fund's table
    (JGW, "建管委机关行政运行预算多少", [("9241538.16", "元")]),  # 机关: the body's own organ
    (JGW, "扶持中小企业那笔多少钱", [("62000000.00", "元")]),  # 扶持, as the document says 支持
    (W25, "去年三公经费实际花了多少，有决算数吗", [None]),  # a 预算 holds no 决算; whether it has one, said once
    (SWJU, "电商企业去哪申请补贴", [None]),  # a procedure, which no disclosure states
    (JGW, "兰溪路-真南路下立交施工单位中标价是多少", [None]),  # its 实施主体 states no sum of money
    (SWJ, "有几个项目编报了绩效目标，涉及多少钱", [("25", "个"), ("11381.60", "万元")]),  # the count's own sum
    (SEED, "工会经费收入有多少", [None]),  # 30228 工会经费 is spent, never income
    (W25, "行政单位和事业单位的离退休各多少", [("259320", "元"), ("85260", "元")]),  # two modifiers, one head
    (SEED, "对个人和家庭的补助是多少", [("1796.02", "万元")]),  # one name said whole, never two
    (W24, "新建工程每个季度用款计划多少，加起来一共多少", [("158.05", "万元"), ("632.20", "万元")]),  # its year
    (JGW, "商品和服务支出里，剔除其他商品和服务支出，哪一项最多", [("1219165.00", "元")]),  # 剔除: left out
    (GHZY, "去办不动产登记需要准备哪些材料", [None]),  # a procedure, which no disclosure states
    (W24, "到项一级，哪个科目最多", [("54212362", "元")]),  # 项一级: the 项 ranked
    (SFLYY, "政府给福利院拨了多少钱", [("9501164", "元")]),  # 政府…拨: 财政拨款
    (SEED, "今年的预算盘子多大", [("4154.03", "万元")]),  # 盘子: the total
    (SWJ, "那四个专项（科技创新、生命健康、商业创新、贸易高质量发展）一共多少", [("7221.00", "万元")]),
    (SWJ, "其他支持中小企业发展和管理支出占全部门支出的比例", [("79.08", "%")]),  # 全部门支出: 支出总计
    (JGW, "兰溪路下立交项目资金总额是多少", [("771325800.00", "元")]),  # the project's whole, not this year's
    (SFLYY, "我爸住的这个福利院，今年一共预算了多少钱", [("12121164", "元")]),  # the asker's words name the body
    (SEED, "一般公共服务支出那个类 基本支出是多少 只要基本支出那一列", [("1104.72", "万元")]),  # said again
    (SWJ, "商业创新专项的钱分了几块用", [("5", "个")]),  # 几块: how many parts
    (CZJ, "信息化建设决算比年初预算下降了百分之几", [("-0.48", "%")]),  # the change's rate, not completion
    (W24, "一般公共服务支出是多少？基本支出和项目支出又各是多少？",  # 又: the row just asked
     [("2932700", "元"), ("0", "元"), ("2932700", "元")]),
    (CZJ, "财政局每个月的公用经费是多少", [None]),  # the documents give the year, never a month
    (SEED, "困难职工单月能拿多少补助", [None]),
    (SEED, "石家庄市总今年的培训费是多少", [("4.37", "万元")]),  # the name cut short is the body
    (SWJU, "行政单位离退休跟事业单位离退休比，多了多少", [("1643936.00", "元")]),  # A跟B比: not last year
    (SEED, "住房公积金（住房改革支出下面的）是多少", [("115.21", "万元")]),  # the row inside the one named
    (SWJ, "资源勘探工业信息等支出（主要是支持中小企业）是多少", [("293810000.00", "元")]),  # a gloss
    (W25, "政府采购预算按货物、工程、服务分，最多的是哪一类", [("3780.72", "万元")]),  # among its parts
    (SWJU, "编报绩效目标的项目一共几个？共涉及多少资金？", [("25", "个"), ("11381.60", "万元")]),  # the count's
    (W24, "社区公共服务中心新建工程2024年第二季度用款计划多少", [("158.05", "万元")]),  # one period, no sum
    (W25, "万里街道财政拨款三公经费预算多少", [("37.91", "万元")]),  # 财政拨款 says whose, no second figure
    (W24, "我以前在街道做过统计，专项普查活动今年安排多少", [("257700", "元")]),  # who asks, whatever it names
    (SWJU, "区经委（商务委）的购房补贴是多少", [("1488000.00", "元")]),  # the department's other name
    (GHZY, "在基本支出的工资福利支出里，基本工资占多少", [("11.16", "%")]),  # the part said after the whole
    (SEED, "基本支出里的商品和服务支出都有哪几项", [(None, None)]),  # the rows under it, where printed
    (JGW, "建管委下面各个类分别多少", [(None, None)]),  # 各个类: a list
    (SEED, "本级机关的运行经费安排了多少", [("40.51", "万元")]),  # 本级机关: the body's own organ
    (SWJU, "其他支持中小企业发展和管理支出那项，就是商务委扶持企业的，安排了多少",  # what it is: no ask
     [("293810000.00", "元")]),
    (CZJ, "给孩子讲课用，想问财政局的公用经费是多少", [("184.65", "万元")]),  # why they ask, before 想问
    (SEED, "省部级以上劳模体检费项目，计划服务多少人", [("400", "人")]),  # the project's 数量指标
    (JGW, "兰溪路-真南路下立交工程道路多长？项目资金总额是多少？",  # the 项目资金 of the one just named
     [("985", "米"), ("771325800.00", "元")]),
    (W24, "组织事务一般行政管理事务的预算是多少", [("888700", "元")]),  # a 款 said right before its 项
    (W24, "宣传事务款下面 一般行政管理事务 这一项是多少", [("1106000", "元")]),  # the 项 found in that 款
    (W24, "维护费是多少", [("430000", "元")]),  # 维修(护)费 read out as people say it
    (W24, "有几个预算单位编报了绩效目标", [("2", "个")]),  # the noun counted, not the projects beside it
    (W25, "参公单位有几家", [("1", "家")]),  # the noun said before the count asked
    (JTW, "纳入交委部门预算的三级事业单位有几个", [("16", "个")]),  # 二级 and 三级 counted in one sentence
    (SWJ, "有商户来问科技创新专项，这个专项一共多少", [("1720.00", "万元")]),  # 这个专项: the one named
    (SWJ, "差旅费（出差费）预算多少", [("80000.00", "元")]),  # a nickname in brackets
    (SFLYY, "事业单位医疗2024年预算比2023年执行数多了多少", [("62024.00", "元")]),  # last year's 执行数
    (SWJ, "生命健康专项2025年总预算多少？里面哪块最多？", [("1170.00", "万元"), ("870.00", "万元")]),  # its own
    (GHZY, "面向小微企业预留的政府采购项目预算是多少", [("164.87", "万元")]),  # a name holding 预算, on a 决算
    (GHZY, "编报绩效目标的项目有几个？涉及预算金额多少？", [("39", "个"), ("4415.48", "万元")]),
    (CZJ, "财政局三公经费预算多少、实际花了多少？", [("0.95", "万元"), ("0.00", "万元")]),  # 预算 is no name
    (SWJU, "基本工资、津贴补贴、绩效工资这三项一共多少？", [("11338106.00", "元")]),  # 这三项: the list
    (SEED, "项目支出里，省级困难职工及劳模帮扶救助专项资金占多少", [("52.42", "%")]),  # the prose's own name
    (GHZY, "基本支出里的公用经费，也就是日常公用那块，是多少？", [("480.66", "万元")]),  # a pointer, no place
    (GHZY, "一般公共预算里，城乡社区规划与管理（项）的基本支出是多少", [("488.68", "万元")]),  # X(项)的 column
    # an unknown phrase describing the one name asked is no second figure: the narrower thing, or said missing
    (CZJ, "财政局副局长去年的奖金有多少", [None]),
    (CZJ, "处长一年的绩效工资是多少", [None]),  # the period said is no part of who
    (CZJ, "我一直留意养老保险这块，想了解一下财政局机关事业单位基本养老保险缴费支出是多少",  # said again, longer
     [("160.75", "万元")]),
    (CZJ, "工资福利支出将近是商品和服务支出的几倍", [("12.18", "倍")]),  # a hedge names nothing
    (W25, "政府采购预算里，扣除服务类，还剩多少", [("3838.15", "万元")]),  # the container less its part
    (W25, "政府采购预算扣除服务类以后还剩多少", [("3838.15", "万元")]),
    (SEED, "基本支出是多少？也就是保障机构运转那部分", [("3721.03", "万元")]),  # a gloss on a standard name
    (SEED, "公用经费多少？也就是日常办公那一块。今年收入一共多少？",  # the gloss's sentence is its own
     [("72.75", "万元"), ("4154.03", "万元")]),
    (SEED, "机关运行经费多少？人民会堂那块在其中占几成", [("72.75", "万元"), ("44.32", "%")]),  # a body's part
    (GHZY, "年末结转和结余是多少？年初结转和结余呢？年末比年初少了多少",  # 年末/年初: the names said before
     [("100.00", "万元"), ("112.88", "万元"), ("-12.88", "万元")]),
    (GHZY, "住房公积金年初预算和决算分别是多少", [("289.59", "万元"), ("289.59", "万元")]),  # a part each
    (GHZY, "城乡社区管理事务款的行政运行决算多少", [("1105.68", "万元")]),  # the 项 inside the 款 said
    (SWJU, "用于标准化菜场及副食品行业管理的经费是多少", [("3136.40", "万元")]),  # one item, its uses listed
    (SWJ, "三个专项——生命健康、商业创新、贸易高质量发展——一共多少", [("5501.00", "万元")]),  # the ones listed
    (JTW, "2018年三公经费比上年少了295.18万元，那上年的三公经费是多少", [("3095.86", "万元")]),  # told, then asked
    (SWJ, "编报了绩效目标的项目多少个？涉及多少万元资金？", [("25", "个"), ("11381.60", "万元")]),
    (JGW, "城乡社区管理事务款里项目支出多少？基本支出在这个款里占比多少？",  # 这个款里: where, not what
     [("232555410.00", "元"), ("15.47", "%")]),
    (W25, "政府采购预算里，扣掉工程和服务，还剩多少", [("57.43", "万元")]),  # less everything taken out
    (SEED, "今年收入一共多少？财政拨款在其中占多大比重？", [("4154.03", "万元"), ("100.00", "%")]),  # 在其中: the total
    (SWJ, "科技创新专项都奖励了哪些企业", [None]),  # who received it: no disclosure lists them
    (SEED, "机关运行经费合计多少？其中市总工会机关自身是多少", [("72.75", "万元"), ("40.51", "万元")]),  # its own
    (SFLYY, "住房公积金今年预算比上年执行数涨了还是跌了，幅度是多少", [("-0.47", "%")]),  # 幅度: a rate
    (JGW, "我核对一下：职业年金缴费和住房公积金两项加起来多少", [("7670894.28", "元")]),  # 我核对: who asks
    (SWJ, "机关人员的购房补贴（项）是多少", [("1488000.00", "元")]),  # （项）: the row's level, no name
    (SWJ, "政府采购一共多少？货物多少？货物在里头占多少？",  # 里头 is never the thing itself: what holds it
     [("38.20", "万元"), ("7.80", "万元"), ("20.42", "%")]),
    (SEED, "人员经费和公用经费合计分别是多少", [("3648.28", "万元"), ("72.75", "万元")]),  # 合计: each one's total
    (GHZY, "住房公积金年初预算、决算和执行率是多少",  # the pair and its rate, listed: three asked
     [("289.59", "万元"), ("289.59", "万元"), ("100.00", "%")]),
    (W25, "社区食堂的补贴给了哪些商家", [None]),
    (JGW, "掘路修复那笔钱每家施工企业能拿多少", [None]),
    (JTW, "三公经费里，扣除因公出国（境）费和公务用车运行费，剩下的是多少", [("290.50", "万元")]),
]


@pytest.mark.parametrize(("doc", "question", "parts"), CASES)
def test_each_part_answers_its_piece(assistant, doc, question, parts):
    answer = assistant.ask(question, doc=doc)
    got = answer.parts or (answer,)
    assert len(got) == len(parts), answer.text
    for part, want in zip(got, parts, strict=True):
        if want is None:
            assert part.abstained, part.text
        elif want == (None, None):
            assert not part.abstained and part.value is None, part.text
        else:
            assert (part.value, part.unit) == (Decimal(want[0]), want[1]), part.text


@pytest.mark.parametrize(("question", "figures"), [
    ("三公经费年初预算和决算各多少", ("2.85", "0.39")),  # 各 spreads over the pair, not the 三公 children
    ("行政运行（项）的年初预算和决算分别是多少", ("1115.48", "1092.80")),
    ("年初预算和决算各是多少", ("10210.34", "9746.50")),  # nothing named: the department's pair
])
def test_a_pair_asked_together_gives_both(assistant, question, figures):
    answer = assistant.ask(question, doc=GHZY)
    assert tuple(str(f.value) for f in answer.values) == figures, answer.text


@pytest.mark.parametrize(("doc", "question", "said"), [
    (W25, "社区公共服务中心新建工程建好以后做什么用？", "社区文化艺术活动场所"),
    (W24, "社区公共服务中心新建工程的进度安排是怎样的", "支付尾款"),  # its 实施周期, never quarters added
    (SWJ, "科技创新专项是想干什么的", "加快成果转化"),  # what the project is for: its 项目概述
    (SWJU, "商务委还加挂了什么牌子", "普陀区经济委员会"),
    (W24, "三公经费怎么比上年多了25万元", "购置公务用车"),  # the part that changed by the amount quoted
    (SWJU, "“科技条件专项”那1,720万元主要用来干什么", "政策扶持资金支出"),  # 1,720万: one number, never 720万
    (GHZY, "规资局在测绘方面负责些什么", "测绘成果管理"),  # 负责些什么: its duties
    (CZJ, "财政局在公务用车这块管什么", "公务车辆控购管理"),  # the duties say 公务车辆: one character less
  # 建成后作为…: what it is for
    (W24, "那个社区公共服务中心新建工程，建好了拿来干嘛用？", "社区文化艺术活动场所"),
    (SEED, "工会经费和工会资产由谁管理", "管理使用工会经费和工会资产"),  # whose duty, not what for
    (SFLYY, "事业单位离退休经费为什么减少了？", "有退休人员去世"),  # the reason within its item's paragraph
    (W24, "街道在维护社区平安方面具体管些什么？", "化解矛盾纠纷"),  # 八、维护社区平安。 heads the duty
    (JGW, "土地出让收入安排的城市建设支出主要拿来干嘛？", "水环境治理"),  # the fund's 项 named in full
    (CZJ, "信息化建设为什么没花满？", "产业政策扶持资金管理系统项目进度"),  # 决算数小于预算数的主要原因 of its item
    (GHZY, "规划局2024年收支比上年多了1000多万，主要是因为什么？", "确权登记事务中心办公大楼装修"),  # 收支: the total
    (JGW, "建委今年预算一下子多了11个亿，主要是因为啥？", "雨污混接整治工程项目"),  # the total's, as its 财政拨款
    (CZJ, "机关运行经费比2023年增加了，决算里怎么解释？", "更换了老旧照明设施"),  # the year's change, not 决算 vs 预算
    (CZJ, "财政委托业务支出是干什么用的", "委托中介机构开展各类审计及绩效评价工作"),  # 主要用于： across a line
    (SEED, "基本支出比去年少了多少？原因呢？", "主要为人员经费支出减少"),  # the why of the fall just asked
    (W25, "万里街道平时都干些啥？", "统筹社区发展"),  # duties said colloquially
    (SWJ, "请说明商务委的部门定位和主要职能。", "主管全区产业"),  # 部门定位: words the 说明 never uses
    (SEED, "上年结转是啥？", "以前年度安排"),  # what it is, not last year's figure
    # a ground (依据, 根据什么文件): a project's 立项依据, or the sentence citing one for the thing asked
    (JGW, "兰溪路-真南路下立交工程是根据什么立项的", "127号"),
    (W24, "社区公共服务中心新建工程的立项依据", "普发改投"),
    (SEED, "劳模体检是依据哪个文件开展的", "劳动模范定期健康体检机制"),
    (SEED, "三公经费今年多少？咋跟去年一样？", "未支出使用财政资金"),  # 咋跟…一样: why
    (W25, "公务车购置费今年多少，咋比去年少了？", "购置车辆类型不同"),
    (GHZY, "基本养老保险缴费支出决算咋比预算少了", "机构改革人员变动"),
    (W25, "万里街道办到底是个啥性质的机构", "普陀区政府的派出机关"),
    (GHZY, "公务接待费主要是接待谁的", "接待上级部门及外省市单位"),  # whom it serves: what it is for
    (W24, "街道说要组织公共服务，具体是做啥", "与居民生活密切相关"),  # a duty's heading, asked what for
    (W25, "那个新建工程为什么设计成东高西低", "减少对北面小区的日照"),  # words said verbatim, no word cut
    (JGW, "那6200万中小企业的钱是干嘛用的", "扶持中小企业支出"),  # the item the quoted amount points at
    (W24, "三公经费为啥比23年多了25万", "购置公务用车"),  # the amount it changed by points at no row
    (SEED, "基本支出比去年少了，主要是哪方面减少了？", "人员经费支出减少"),  # 主要是哪方面减少: why
    (SWJU, "我开网店的，商务委对电商企业具体管啥？", "电子商务企业的指导跟踪"),  # 电商: its own words
    (JTW, "出租车这一块归不归交委管？", "出租汽车行业管理"),
    (SFLYY, "福利院主要收住哪些老人？", "收养社会孤老"),
    (W25, "街道对我们居委会这块的职责是啥", "指导居委会建设"),  # 我们居委会 names no other body
    (SFLYY, "福利院设了几个内设机构", "院长室、办公室"),  # a count with the names its sentence lists
    (W25, "我是社区老师 想讲讲 机关运行经费这个词是什么意思", "日常公用经费"),  # a space after 我是… ends it
    (SFLYY, "福利院都收什么样的老人", "寄养有家老人"),
    (JTW, "交委是在什么背景下组建的", "2000年政府机构改革"),
    (SWJ, "科技创新专项是干嘛的", "科技"),  # a project's duties are what it is for
    (SFLYY, "我想送老人过去，福利院能提供医疗康复吗", "医疗康复"),  # whether it does: the 说明 says
    (JGW, "建管委在燃气方面管些什么", "燃气配套工程"),  # 在…方面: the duties naming it
    (JTW, "市交委在出租车这一块负责什么", "出租汽车行业管理"),
    (SEED, "人民会堂那32.24万元机关运行经费拿来干嘛", "办公及印刷费"),  # the stated item of that amount
    # a project's part asked after it is named: the part of that project, each question its own
    (JGW, "兰溪路-真南路下立交工程的立项依据是什么？哪家公司负责施工？什么时候开工？", "2027年12月31日"),
    (JGW, "兰溪路-真南路下立交工程的立项依据是什么？哪家公司负责施工？", "上海建工五建集团有限公司"),
    (SWJU, "商务委今年安排了1万元公务接待费，出于什么考虑？", "实际业务需求"),  # a reason asked as 考虑
    (SFLYY, "公务用车运行费是按什么核定的", "根据实际公务用处运行情况"),  # 按什么定的: its ground
    (JTW, "政府性基金的钱都用在哪些地方", "铁路建设"),  # 地方: where, no name
    (SEED, "项目支出都花在了哪几个项目上", "市级劳动模范一次性奖励资金"),  # the items the 说明 names under it
])
def test_a_purpose_quotes_the_sentence_that_says_it(assistant, doc, question, said):
    answer = assistant.ask(question, doc=doc)
    assert not answer.abstained and said in answer.text, answer.text


@pytest.mark.parametrize("question", ["那1234万中小企业的钱是干嘛用的", "那6200万的钱是干嘛用的"])
def test_an_amount_points_only_at_an_item_it_fits(assistant, question):
    """No row of that amount, or none sharing the question's words: the amount points at nothing."""
    answer = assistant.ask(question, doc=JGW)
    assert "扶持中小企业支出" not in answer.text, answer.text


@pytest.mark.parametrize(("doc", "question"), [
    (SEED, "工会经费是根据什么规定拨的"),  # the 说明's grounds are for other things (工会法, 劳模体检)
    (W25, "三公经费的依据是什么文件"),
])
def test_a_ground_never_quoted_for_another_thing(assistant, doc, question):
    assert assistant.ask(question, doc=doc).abstained


@pytest.mark.parametrize(("question", "other"), [
    ("财政委托业务支出主要用于什么", "局财政业务指导"), ("信息化建设是干什么用的", "局本部人员经费"),
])
def test_a_purpose_never_quotes_another_items(assistant, question, other):
    answer = assistant.ask(question, doc=CZJ)
    assert not answer.abstained and other not in answer.text, answer.text


@pytest.mark.parametrize(("doc", "question", "note", "unrelated"), [
    (W24, "政府性基金那张表为什么是空的？", "故本表为空表", "项目调整"),
    (SWJU, "政府性基金预算表怎么是空的", "故本表为空表", "持平的主要原因"),
    (SEED, "为什么政府性基金预算是空的", "空表列示", "三公"),
])
def test_an_empty_table_is_explained_by_its_note(assistant, doc, question, note, unrelated):
    answer = assistant.ask(question, doc=doc)
    assert not answer.abstained and note in answer.text and unrelated not in answer.text, answer.text
    assert "为0的原因" in answer.text  # understood as why there is none, not why it changed


def test_an_open_comparison_states_amount_and_rate(assistant):
    text = assistant.ask("机关运行经费跟2023年比变化多大", doc=GHZY).text
    assert "减少13.52万元" in text and "下降8.65%" in text, text


def test_the_described_projects_added_say_so(assistant):
    answer = assistant.ask("后面那几个专项经费情况说明里的专项，年度预算加起来一共多少？", doc=SWJ)
    assert answer.value == Decimal("7221.00") and "各项目（专项）的年度预算合计" in answer.text, answer.text
    assert "后面" not in answer.text  # the set's own words are no operands


def test_a_year_made_of_quarters_shows_the_sum(assistant):
    answer = assistant.ask("社区公共服务中心新建工程全年预算多少", doc=W24)
    assert answer.value == Decimal("632.20") and "158.05+158.05+158.05+158.05" in answer.text, answer.text


def test_a_project_in_words_lists_its_items(assistant):
    values = {f.value for f in assistant.ask("生命健康专项的钱分别投在哪几块、各多少？", doc=SWJ).values}
    assert {Decimal("870.00"), Decimal("70.00"), Decimal("180.00"), Decimal("50.00")} <= values  # 分别 names nothing


def test_a_list_of_one_item_lists_what_it_holds(assistant):
    values = {f.value for f in assistant.ask("住房保障支出具体分哪几项？各多少", doc=W24).values}
    assert {Decimal("3503499"), Decimal("3201700"), Decimal("2177200")} <= values


def test_a_stated_part_is_shown_in_the_documents_words(assistant):
    answer = assistant.ask("政府采购分成货物、工程、服务，各自多少", doc=GHZY)
    assert "政府采购货物（货物采购）" in answer.text and "122.43" in answer.text, answer.text

