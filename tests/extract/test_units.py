import pytest

from policytext.extract import units


@pytest.mark.parametrize("text,expected", [
    ("由办公室牵头，各科室配合", [("办公室", "lead"), ("各科室", "support")]),
    # a family is no 庭, villages are units, an organiser (开办方) and a branch (分社) too, and
    # a piece that says its own role (各村按职责分工负责) keeps it
    ("（牵头：区妇联家庭和儿童工作部；配合：各街道（镇）妇联）", [("区妇联家庭和儿童工作部", "lead"), ("各街道（镇）妇联", "support")]),
    ("（牵头科室：食品经营监管科；配合单位：城区各农贸市场开办方）", [("食品经营监管科", "lead"), ("城区各农贸市场开办方", "support")]),
    ("责任单位：镇规划建设服务中心牵头，石桥村、柳湾村配合。\n",
     [("镇规划建设服务中心", "lead"), ("石桥村", "support"), ("柳湾村", "support")]),
    ("责任单位：镇农业农村服务中心、县供销社青石分社。\n", [("镇农业农村服务中心", "responsible"), ("县供销社青石分社", "responsible")]),
    ("（牵头单位：镇规划建设办；配合单位：镇农业农村办，各村按职责分工负责）",
     [("镇规划建设办", "lead"), ("镇农业农村办", "support"), ("各村", "responsible")]),
    ("（责任部门：风险管理部、资产保全部）", [("风险管理部", "responsible"), ("资产保全部", "responsible")]),
    # a unit's other name in brackets is part of its name, an office inside it is not; 统筹 leads
    ("（责任部门：营销部（客户服务中心）牵头，各供电所配合）", [("营销部（客户服务中心）", "lead"), ("各供电所", "support")]),
    ("（责任部门：教务处（教材科））", [("教务处", "responsible")]),
    ("（责任科室：各业务科室，信用监管科统筹）", [("各业务科室", "responsible"), ("信用监管科", "lead")]),
    # a court's label; a bank's and a hospital's posts named by what they take on
    ("（责任庭室：执行指挥中心、执行局综合处）", [("执行指挥中心", "responsible"), ("执行局综合处", "responsible")]),
    # a mass organisation's offices, and a police station's officers by name or by post
    ("（责任部室：少年部；配合单位：县教育体育局）", [("少年部", "responsible"), ("县教育体育局", "support")]),
    ("（责任民警：王建军）", [("王建军", "responsible")]),
    ("（责任民警：各社区民警）", [("各社区民警", "responsible")]),
    ("成立领导小组，行长任组长，分管副行长任副组长", [("行长", "lead"), ("分管副行长", "support")]),
    ("调整医院感染管理委员会，院长任主任委员，分管副院长任副主任委员", [("院长", "lead"), ("分管副院长", "support")]),
    ("集团党委履行全面从严治党主体责任，集团纪委履行监督责任", [("集团党委", "responsible"), ("集团纪委", "responsible")]),
    ("所属各单位党组织承担本单位党风廉政建设主体责任", [("所属各单位党组织", "responsible")]),
    ("园长是全园安全工作第一责任人，各班班长对本班幼儿安全负责", [("园长", "lead"), ("各班班长", "responsible")]),
    ("（配合单位：辖区物业企业、街道妇联、沿街商户联合会）",
     [("辖区物业企业", "support"), ("街道妇联", "support"), ("沿街商户联合会", "support")]),
    ("（牵头单位：机关党委；配合单位：局办公室）", [("机关党委", "lead"), ("局办公室", "support")]),
    ("1.开展学习。\n牵头单位：机关党委", [("机关党委", "lead")]),
    # more labels: 实施科室, 承办单位, and a bare 责任
    ("（抽查比例：不低于6%；时间安排：第三季度；实施科室：计量科）", [("计量科", "responsible")]),
    ("每名代表每年至少报告1次（责任：各代表小组）", [("各代表小组", "responsible")]),
    ("局党组承担全面领导责任，党组书记是第一责任人，分管领导是直接责任人",
     [("局党组", "lead"), ("党组书记", "lead"), ("分管领导", "responsible")]),
    ("成立领导小组\n组长：局党组书记\n副组长：分管局长、纪检组长\n成员：各科室主要负责人",
     [("局党组书记", "lead"), ("分管局长", "support"), ("纪检组长", "support"), ("各科室主要负责人", "support")]),
    ("各党支部要发挥主体作用", [("各党支部", "responsible")]),
    ("由办公室、监察科分别牵头，局属各单位参与", [("办公室", "lead"), ("监察科", "lead"), ("局属各单位", "support")]),
    ("法规和审批处负责工作制度梳理", [("法规和审批处", "responsible")]),
    ("成立由“一把手”任组长、班子成员任副组长、各科室(局)负责人为成员的领导小组",
     [("一把手", "lead"), ("班子成员", "support"), ("各科室(局)负责人", "support")]),
    ("由办公室负责，各科室协助", [("办公室", "responsible"), ("各科室", "support")]),
    ("各部门主要负责人是本部门数据安全第一责任人", [("各部门主要负责人", "lead")]),
    # a list after a label is read whole, however it ends and whatever its names end with
    ("（牵头单位：市教育局；责任单位：市发改委、市科技局、市财政局，东湖高新区管委会，洪山区人民政府）",
     [("市教育局", "lead"), ("市发改委", "responsible"), ("市科技局", "responsible"), ("市财政局", "responsible"),
      ("东湖高新区管委会", "responsible"), ("洪山区人民政府", "responsible")]),
    ("责任单位：县政府办公室、县司法局、各有关部门，乡镇人民政府按职责分工分别负责。",
     [("县政府办公室", "responsible"), ("县司法局", "responsible"), ("各有关部门", "responsible"),
      ("乡镇人民政府", "responsible")]),
    ("〔责任单位：省发展改革委、省市场监管局按职责分工负责〕", [("省发展改革委", "responsible"), ("省市场监管局", "responsible")]),
    ("（责任处室：大气环境处；协办单位：市生态环境监测站）", [("大气环境处", "responsible"), ("市生态环境监测站", "support")]),
    ("组长：刘晓梅（党支部书记）\n副组长：陈立新（党组成员、副院长）、何海涛（执行局局长）",
     [("刘晓梅", "lead"), ("陈立新", "support"), ("何海涛", "support")]),
    ("（责任部门：执行局、各人民法庭、立案庭）", [("执行局", "responsible"), ("各人民法庭", "responsible"), ("立案庭", "responsible")]),
    # a short bracket inside a name is the name's; a stretch of a list that ends in 配合 only helps
    ("〔责任部门：党风政风监督室，各派驻纪检监察组、各镇（街道）纪（工）委配合〕",
     [("党风政风监督室", "responsible"), ("各派驻纪检监察组", "support"), ("各镇（街道）纪（工）委", "support")]),
    ("（配合单位：市教育局，各县（区）人民政府）", [("市教育局", "support"), ("各县（区）人民政府", "support")]),
    ("责任领导：李文涛；责任股室：办公室、规划发展股；完成时限：2024年9月底前",
     [("李文涛", "responsible"), ("办公室", "responsible"), ("规划发展股", "responsible")]),
    ("公司党委对党建工作负总责，党委书记履行第一责任人职责", [("公司党委", "lead"), ("党委书记", "lead")]),
    ("各二级党组织对本单位意识形态工作负主体责任，党组织书记是本单位第一责任人",
     [("各二级党组织", "responsible"), ("党组织书记", "lead")]),
    ("（责任单位：县文化馆、县图书馆）", [("县文化馆", "responsible"), ("县图书馆", "responsible")]),
    ("（牵头：志愿者工作部；配合：各县（市、区）团委、市青年志愿者协会）",
     [("志愿者工作部", "lead"), ("各县（市、区）团委", "support"), ("市青年志愿者协会", "support")]),
    ("主任委员：周敏（院长）\n副主任委员：何立新（副院长）、汤雯（副院长）",
     [("周敏", "lead"), ("何立新", "support"), ("汤雯", "support")]),
    ("领导小组办公室设在镇安监办，负责日常工作。", [("领导小组办公室", "responsible")]),
    ("科主任为组长，护士长为副组长", [("科主任", "lead"), ("护士长", "support")]),
    ("由镇安监办牵头，各村（社区）负责", [("镇安监办", "lead"), ("各村（社区）", "responsible")]),
    ("党委组织部负责统筹协调", [("党委组织部", "responsible")]),
    # labels spaced out to line up, and a label inside a list starting a list of its own
    ("组　长：雷振国（党委书记、监狱长）\n成　员：刘建军（党委委员）", [("雷振国", "lead"), ("刘建军", "support")]),
    ("组长：王振华（街道党工委书记），副组长：陈立新（街道办事处主任），成员：街道城市管理办公室、综合行政执法队",
     [("王振华", "lead"), ("陈立新", "support"), ("街道城市管理办公室", "support"), ("综合行政执法队", "support")]),
    ("（责任单位：区卫健局（协办单位：区财政局））", [("区卫健局", "responsible"), ("区财政局", "support")]),
    # a name's own role, in a bracket or in its piece of the list
    ("责任单位：保卫处（牵头），后勤保障处、各学院配合",
     [("保卫处", "lead"), ("后勤保障处", "support"), ("各学院", "support")]),
    ("（责任科室：纳税服务科牵头，各税务所配合；完成时限：2024年6月底前）", [("纳税服务科", "lead"), ("各税务所", "support")]),
    ("（责任单位：县林长制办公室牵头，各乡镇人民政府抓好落实）",
     [("县林长制办公室", "lead"), ("各乡镇人民政府", "responsible")]),
    ("（责任单位：镇党政综合办公室，各村（社区）负责具体实施）",
     [("镇党政综合办公室", "responsible"), ("各村（社区）", "responsible")]),
    ("（责任部门：办公室，各部室负责人对本部门消防安全负直接责任）",
     [("办公室", "responsible"), ("各部室负责人", "responsible")]),
    ("责任单位：实验室与设备管理处（牵头），保卫处配合", [("实验室与设备管理处", "lead"), ("保卫处", "support")]),
    ("（责任部门：党建工作科，各县（区）局（分公司））", [("党建工作科", "responsible"), ("各县（区）局（分公司）", "responsible")]),
    # bodies named by what they are, not only by the common suffixes; numbers inside a name
    ("（责任单位：县气象台、县残联，区供销合作社，农发行石岭县支行，各隶属海关）",
     [("县气象台", "responsible"), ("县残联", "responsible"), ("区供销合作社", "responsible"),
      ("农发行石岭县支行", "responsible"), ("各隶属海关", "responsible")]),
    ("（责任部门：团市委权益部，市12355青少年服务中心）", [("团市委权益部", "responsible"), ("市12355青少年服务中心", "responsible")]),
    # an assignment in a bracket, 以…为组长, 一岗双责, posts before what they answer for
    ("（教科室负责）", [("教科室", "responsible")]),
    ("成立了以院长为组长的领导小组", [("院长", "lead")]),
    ("一是党组书记是第一责任人", [("党组书记", "lead")]),
    ("党委书记是第一责任人，班子其他成员履行“一岗双责”", [("党委书记", "lead"), ("班子其他成员", "responsible")]),
    ("班子成员按照分工对分管领域整改工作负责", [("班子成员", "responsible")]),
    ("党组其他成员对分管领域党建工作负直接领导责任", [("党组其他成员", "responsible")]),
    ("馆长是第一责任人，分管副馆长具体负责", [("馆长", "lead"), ("分管副馆长", "responsible")]),
    # a list before 按职责分工负责 outside a label; an assignment in a bracket after text of its own
    ("安全环保部、信息中心、人力资源部按职责分工负责。",
     [("安全环保部", "responsible"), ("信息中心", "responsible"), ("人力资源部", "responsible")]),
    ("全年举办专题培训不少于2期，实现中层干部全覆盖（政治部负责）", [("政治部", "responsible")]),
    ("（牵头单位：镇农业农村服务中心；配合单位：各行政村、各小区物业）",
     [("镇农业农村服务中心", "lead"), ("各行政村", "support"), ("各小区物业", "support")]),
    ("各庭室负责人对本部门意识形态工作负具体责任", [("各庭室负责人", "responsible")]),
    ("牵头部门对所承担任务负总责，相关部门积极配合", [("牵头部门", "lead"), ("相关部门", "support")]),
    # posts of a school's Young Pioneers and a branch's committee; 组织委员 is no verb 组织 before 委员
    ("（负责人：大队辅导员、各中队辅导员；时间安排：全学期）", [("大队辅导员", "responsible"), ("各中队辅导员", "responsible")]),
    ("各类会议由组织委员负责记录", [("组织委员", "responsible")]),
    # an outline marker or a —— bullet before the name, a one-line paste's space
    ("11. 支部书记履行第一责任人职责", [("支部书记", "lead")]),
    ("——党委书记是第一责任人，班子成员承担分管领域责任", [("党委书记", "lead"), ("班子成员", "responsible")]),
    ("（七）全面从严治党向纵深推进 局党组认真落实管党治党主体责任", [("局党组", "responsible")]),
    # more ways to take on a duty: 担起, 具体责任人, 责任主体, 亲自抓、负总责, 密切配合
    ("党委书记切实担起第一责任人职责", [("党委书记", "lead")]),
    ("各责任处室主要负责人是具体责任人", [("各责任处室主要负责人", "responsible")]),
    ("各村是整治工作的责任主体", [("各村", "responsible")]),
    ("主要负责同志亲自抓、负总责", [("主要负责同志", "lead")]),
    ("县应急管理局牵头，各乡镇、各有关部门密切配合", [("县应急管理局", "lead"), ("各乡镇", "support"), ("各有关部门", "support")]),
    ("此外，局机关还配合县纪委监委开展了2次作风督查", [("局机关", "support")]),
    # what comes before the name is no part of it: 明确, 实行, 组织员办公室 is one office
    ("明确院党委书记履行第一责任人职责", [("院党委书记", "lead")]),
    ("这项工作由组织员办公室牵头", [("组织员办公室", "lead")]),
    # a named person with a title: the person answers for it
    ("成立了由局长李文涛任组长的领导小组", [("李文涛", "lead")]),
    ("成立了由党委书记、局长周海峰任组长的工作领导小组", [("周海峰", "lead")]),
    ("由何静园长任组长，苏敏副园长任副组长", [("何静", "lead"), ("苏敏", "support")]),
    ("组长：陈立新院长；副组长：吴海燕副院长", [("陈立新", "lead"), ("吴海燕", "support")]),
    ("委党委书记周立群同志切实履行第一责任人职责", [("周立群", "lead")]),
    # 当组长, 常务副组长, 指挥长: the same roles in other words
    ("镇长亲自当组长", [("镇长", "lead")]),
    ("街道党工委书记任组长，办事处主任任常务副组长", [("街道党工委书记", "lead"), ("办事处主任", "support")]),
    ("由镇长任指挥长，分管副镇长任常务副指挥长", [("镇长", "lead"), ("分管副镇长", "support")]),
    ("（责任科室：护理部、各护理单元）", [("护理部", "responsible"), ("各护理单元", "responsible")]),
    # a community's posts: 牵头人, its 专干 and 网格长
    ("（牵头人：社区党委书记；责任人：各网格长）", [("社区党委书记", "lead"), ("各网格长", "responsible")]),
    ("（责任人：民政专干）", [("民政专干", "responsible")]),
    # a table pasted with tabs: the cells of its unit column, row by row
    ("序号\t问题\t整改措施\t责任人\t完成时限\n1\t学习不深入。\t制定学习计划。\t镇党委书记\t2025年6月底前\n"
     "2\t监督不到位。\t开展督查。\t镇纪委书记、分管副镇长\t2025年9月底前\n",
     [("镇党委书记", "responsible"), ("镇纪委书记", "responsible"), ("分管副镇长", "responsible")]),
    ("序号\t工作任务\t牵头单位\t配合单位\n1\t开展排查。\t耕地保护股\t各乡镇人民政府\n",
     [("耕地保护股", "lead"), ("各乡镇人民政府", "support")]),
    # a unit and then its person, a space between; a college's 组织员, its 各系, a district's schools
    ("负责人：政教处 周立群", [("政教处", "responsible"), ("周立群", "responsible")]),
    ("（牵头单位：学院党委组织员；配合单位：各系、辖区各中小学）",
     [("学院党委组织员", "lead"), ("各系", "support"), ("辖区各中小学", "support")]),
])
def test_units_and_roles(run, text, expected):
    got = run(units, text)
    assert [(u.name, u.role) for u in got] == expected
    for u in got:
        assert text[u.start:u.end] == u.name


@pytest.mark.parametrize("text", ["公开政府信息，有中学参与", "形成人人参与、人人负责的局面", "主要负责制定实施方案",
                                  "积极引导中心组成员学习", "部分班子成员履行“一岗双责”不到位", "一是个别班子成员履行“一岗双责”还不够到位",
                                  "推动形成党委领导、政府主导、法院参与的工作格局", "引导居民家庭参与平安建设", "由12个成员单位组成",
                                  # 院长负责制 is a system, 多部门 and 跨部门 no body
                                  "认真落实党委领导下的院长负责制", "检验了多部门协同处置能力", "加强跨部门协同",
                                  "党委书记、纪委书记、常务副县长"])
def test_generic_words_are_not_units(run, text):
    assert run(units, text) == []


@pytest.mark.parametrize("text, kinds", [
    ("组长：刘晓梅（党支部书记）\n成员：各科室负责人、办公室", [("刘晓梅", "person"), ("各科室负责人", "post"), ("办公室", "unit")]),
    ("院党委书记是第一责任人，由医务科牵头", [("院党委书记", "post"), ("医务科", "unit")]),
    ("成立了以院长周建平为组长的专项整治领导小组", [("周建平", "person")]),
    ("党组书记是第一责任人", [("党组书记", "post")]),
])
def test_unit_kinds(run, text, kinds):
    assert [(u.name, u.kind) for u in run(units, text)] == kinds
