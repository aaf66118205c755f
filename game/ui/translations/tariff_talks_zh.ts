<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh">
<context>
    <name>BriefingPanel</name>
    <message>
        <source>Your delegation and private briefing</source>
        <translation>你的代表团与内部简报</translation>
    </message>
    <message>
        <source>{side} delegation</source>
        <translation>{side}代表团</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Political capital</source>
        <translation>政治资本</translation>
    </message>
    <message>
        <source>Spent on unilateral moves; regenerates each turn with approval.</source>
        <translation>用于单方面行动；每回合按支持率恢复。</translation>
    </message>
    <message>
        <source>Approval at home</source>
        <translation>国内支持率</translation>
    </message>
    <message>
        <source>Score now</source>
        <translation>当前得分</translation>
    </message>
    <message>
        <source>Your walk-away value is the score you expect with no deal.</source>
        <translation>底线分数是你在没有协议时预期的得分。</translation>
    </message>
    <message>
        <source>Private briefing</source>
        <translation>内部简报</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>{text} (weight {w:g})</source>
        <translation>{text}（权重 {w:g}）</translation>
    </message>
    <message>
        <source>Red lines</source>
        <translation>红线</translation>
    </message>
    <message>
        <source>What you know of them</source>
        <translation>你对对方的了解</translation>
    </message>
    <message>
        <source>The {side} delegation&apos;s briefing is drawn from these ranges each game; its draw stays secret until the debrief.</source>
        <translation>{side}代表团的简报每局都从这些范围中抽取；抽取结果在复盘之前保密。</translation>
    </message>
    <message>
        <source>What you know of the {side} delegation</source>
        <translation>你对{side}代表团的了解</translation>
    </message>
    <message>
        <source>{score:.0f} / 100 (walk-away {walk:.0f})</source>
        <translation>{score:.0f} / 100（底线 {walk:.0f}）</translation>
    </message>
    <message>
        <source>{credit}% · now {now} → {target}</source>
        <translation>{credit}% · 当前 {now} → {target}</translation>
    </message>
    <message>
        <source>Credit for: {text}</source>
        <translation>完成度：{text}</translation>
    </message>
</context>
<context>
    <name>DebriefPage</name>
    <message>
        <source>Debrief</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>导出 PNG(&amp;P)……</translation>
    </message>
    <message>
        <source>Export the debrief as a PNG image</source>
        <translation>将复盘导出为 PNG 图片</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)……</translation>
    </message>
    <message>
        <source>Export the debrief as a PDF document</source>
        <translation>将复盘导出为 PDF 文档</translation>
    </message>
    <message>
        <source>Debrief — {title}</source>
        <translation>复盘 — {title}</translation>
    </message>
    <message>
        <source>The zone of possible agreement</source>
        <translation>可能达成协议的区间</translation>
    </message>
    <message>
        <source>Computing the zone of possible agreement…</source>
        <translation>正在计算可能达成协议的区间……</translation>
    </message>
    <message>
        <source>The meters over the game</source>
        <translation>整局游戏中的各项指标</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Score breakdown of {side}</source>
        <translation>{side}的得分明细</translation>
    </message>
    <message>
        <source>Red lines:</source>
        <translation>红线：</translation>
    </message>
    <message>
        <source>Hidden type: drawn this game</source>
        <translation>隐藏类型：本局抽取的结果</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽取结果</translation>
    </message>
    <message>
        <source>Prior</source>
        <translation>先验范围</translation>
    </message>
    <message>
        <source>Where it fell</source>
        <translation>所处位置</translation>
    </message>
    <message>
        <source>Hidden type of {side}</source>
        <translation>{side}的隐藏类型</translation>
    </message>
    <message>
        <source>This scenario has no historical comparison.</source>
        <translation>此剧本没有历史对比。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>In your game</source>
        <translation>本局</translation>
    </message>
    <message>
        <source>Comparison with 2025</source>
        <translation>与2025年的对比</translation>
    </message>
    <message>
        <source>What really happened</source>
        <translation>历史上的实际情况</translation>
    </message>
    <message>
        <source>In reality</source>
        <translation>实际情况</translation>
    </message>
    <message>
        <source>Source: the scenario&apos;s history and its sources.</source>
        <translation>来源：剧本的历史部分及其资料来源。</translation>
    </message>
    <message>
        <source>Chart of {meter} over the game</source>
        <translation>{meter}在整局中的变化图</translation>
    </message>
    <message>
        <source>Agreement terms</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>No agreement was signed.</source>
        <translation>没有签署任何协议。</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>协议前</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>协议水平</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Timeline of moves and agreements</source>
        <translation>行动与协议时间线</translation>
    </message>
    <message>
        <source>Nothing happened.</source>
        <translation>什么也没有发生。</translation>
    </message>
    <message>
        <source>Turn {n}</source>
        <translation>第{n}回合</translation>
    </message>
    <message>
        <source>Legend of the zone of possible agreement</source>
        <translation>可能达成协议的区间的图例</translation>
    </message>
    <message>
        <source>{n} sampled packages, signed at the start and projected to the deadline; {k} of them left both sides above their walk-away values (green). The star is where the game actually ended.</source>
        <translation>抽样{n}个方案，假设在开局时签署并预测至期限；其中{k}个让双方都高于各自的底线（绿色）。星号是本局的实际结果。</translation>
    </message>
    <message>
        <source>Other packages</source>
        <translation>其他方案</translation>
    </message>
    <message>
        <source>Packages both sides prefer to no deal</source>
        <translation>双方都优于无协议的方案</translation>
    </message>
    <message>
        <source>No deal (projected)</source>
        <translation>无协议（预测）</translation>
    </message>
    <message>
        <source>Where the game landed</source>
        <translation>本局的最终结果</translation>
    </message>
    <message>
        <source>Packages signed (projected from the start)</source>
        <translation>已签署的方案（自开局预测）</translation>
    </message>
    <message>
        <source>Walk-away values</source>
        <translation>底线分数</translation>
    </message>
    <message>
        <source>{side} score</source>
        <translation>{side}得分</translation>
    </message>
    <message>
        <source>Zone of possible agreement</source>
        <translation>可能达成协议的区间</translation>
    </message>
    <message>
        <source>The zone of possible agreement could not be computed: {err}</source>
        <translation>无法计算可能达成协议的区间：{err}</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the debrief</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <source>Could not write {path}: {err}</source>
        <translation>无法写入 {path}：{err}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>The zone of possible agreement was still being computed when this document was made.</source>
        <translation>生成本文档时，可能达成协议的区间仍在计算中。</translation>
    </message>
</context>
<context>
    <name>DebriefReport</name>
    <message>
        <source>human</source>
        <translation>玩家</translation>
    </message>
    <message>
        <source>{side} ({who}): walked out — scores its walk-away {walk:.0f} (its objectives gave {score:.1f})</source>
        <translation>{side}（{who}）：退出谈判——按底线得分 {walk:.0f}（按目标得分 {score:.1f}）</translation>
    </message>
    <message>
        <source>{side} ({who}): score {score:.1f} — walk-away {walk:.0f}</source>
        <translation>{side}（{who}）：得分 {score:.1f} — 底线 {walk:.0f}</translation>
    </message>
    <message>
        <source>The game ended on turn {turn}: {side} walked out.</source>
        <translation>游戏在第{turn}回合结束：{side}退出了谈判。</translation>
    </message>
    <message>
        <source>The game ended on turn {turn}: {reason}.</source>
        <translation>游戏在第{turn}回合结束：{reason}。</translation>
    </message>
    <message numerus="yes">
        <source>{whose} package of %n term(s) is accepted by {other} and signed</source>
        <translation>
            <numerusform>{whose}含%n项条款的方案被{other}接受并签署</numerusform>
        </translation>
    </message>
    <message>
        <source>rejected by {other}</source>
        <translation>被{other}拒绝</translation>
    </message>
    <message>
        <source>countered by {other}</source>
        <translation>{other}已还价</translation>
    </message>
    <message>
        <source>lapsed without an answer</source>
        <translation>未获答复，已失效</translation>
    </message>
    <message>
        <source>not yet answered</source>
        <translation>尚未答复</translation>
    </message>
    <message numerus="yes">
        <source>{who} offers %n term(s) — {answer}</source>
        <translation>
            <numerusform>{who}提出含%n项条款的方案 — {answer}</numerusform>
        </translation>
    </message>
    <message>
        <source>in force at the end</source>
        <translation>结束时仍有效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>已被违反</translation>
    </message>
    <message>
        <source>superseded by a later agreement</source>
        <translation>已被后来的协议取代</translation>
    </message>
    <message>
        <source>breached by {side}</source>
        <translation>被{side}违反</translation>
    </message>
    <message>
        <source>Agreement {n}, signed on turn {turn}: proposed by {proposer}, accepted by {other} — {status}</source>
        <translation>协议{n}，第{turn}回合签署：由{proposer}提出，{other}接受 — {status}</translation>
    </message>
    <message>
        <source>from turn {a} to the end</source>
        <translation>自第{a}回合至游戏结束</translation>
    </message>
    <message>
        <source>turns {a}–{b}</source>
        <translation>第{a}–{b}回合</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>{side} at the start</source>
        <translation>{side}（开局）</translation>
    </message>
    <message>
        <source>{side} at the end</source>
        <translation>{side}（结束）</translation>
    </message>
    <message>
        <source>Shared meter</source>
        <translation>共同指标</translation>
    </message>
    <message>
        <source>At the start</source>
        <translation>开局</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>No agreement</source>
        <translation>没有协议</translation>
    </message>
    <message>
        <source>1 agreement signed, in force at the end</source>
        <translation>签署1项协议，结束时仍有效</translation>
    </message>
    <message>
        <source>1 agreement signed, not in force at the end</source>
        <translation>签署1项协议，结束时已失效</translation>
    </message>
    <message numerus="yes">
        <source>%n agreement(s) signed; {m} in force at the end</source>
        <translation>
            <numerusform>共签署%n项协议；结束时{m}项有效</numerusform>
        </translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Final meters</source>
        <translation>最终指标</translation>
    </message>
    <message>
        <source>Agreement terms</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>The meters over the game</source>
        <translation>整局游戏中的各项指标</translation>
    </message>
    <message>
        <source>The zone of possible agreement</source>
        <translation>可能达成协议的区间</translation>
    </message>
    <message>
        <source>Timeline of moves and agreements</source>
        <translation>行动与协议时间线</translation>
    </message>
    <message>
        <source>What really happened</source>
        <translation>历史上的实际情况</translation>
    </message>
    <message>
        <source>In reality</source>
        <translation>实际情况</translation>
    </message>
    <message>
        <source>Source: the scenario&apos;s history and its sources.</source>
        <translation>来源：剧本的历史部分及其资料来源。</translation>
    </message>
    <message>
        <source>Debrief — {title}</source>
        <translation>复盘 — {title}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>一方</translation>
    </message>
    <message>
        <source>Played by</source>
        <translation>操控者</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Walk-away</source>
        <translation>底线</translation>
    </message>
    <message>
        <source>Better than walking away?</source>
        <translation>是否优于底线？</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Red lines:</source>
        <translation>红线：</translation>
    </message>
    <message>
        <source>Hidden type: drawn this game</source>
        <translation>隐藏类型：本局抽取的结果</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>抽取结果</translation>
    </message>
    <message>
        <source>Prior</source>
        <translation>先验范围</translation>
    </message>
    <message>
        <source>Where it fell</source>
        <translation>所处位置</translation>
    </message>
    <message>
        <source>No agreement was signed.</source>
        <translation>没有签署任何协议。</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>协议前</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>协议水平</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Nothing happened.</source>
        <translation>什么也没有发生。</translation>
    </message>
    <message>
        <source>Turn {n}</source>
        <translation>第{n}回合</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>回合</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>This scenario has no historical comparison.</source>
        <translation>此剧本没有历史对比。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>In your game</source>
        <translation>本局</translation>
    </message>
    <message>
        <source>Tariff Talks debrief</source>
        <translation>关税谈判复盘</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Looks ahead with the economy model and concedes steadily.</source>
        <translation>借助经济模型预判，稳步让步。</translation>
    </message>
    <message>
        <source>Boulware: holds out and concedes only near the deadline.</source>
        <translation>博尔韦尔式：坚持到期限临近才让步。</translation>
    </message>
    <message>
        <source>Concedes early to close a deal.</source>
        <translation>为达成协议而尽早让步。</translation>
    </message>
    <message>
        <source>Tit-for-tat with forgiveness: answers your moves in kind.</source>
        <translation>宽容的以牙还牙：以同样方式回应你的行动。</translation>
    </message>
    <message>
        <source>Program: {command}</source>
        <translation>程序：{command}</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>AI: {style}, {level}</source>
        <translation>AI：{style}，{level}</translation>
    </message>
    <message>
        <source>How to play Tariff Talks</source>
        <translation>如何玩《关税谈判》</translation>
    </message>
    <message>
        <source>You lead a delegation in the 2025 tariff war. Each turn is a week. Your private briefing (left) lists your objectives, your red lines and your political capital. Your score follows your own objectives, so both sides can win — or both can lose.</source>
        <translation>你率领代表团参与2025年的关税战。每回合为一周。左侧的内部简报列出你的目标、红线和政治资本。你的得分取决于你自己的目标，因此双方可能都赢，也可能都输。</translation>
    </message>
    <message>
        <source>1. Orders</source>
        <translation>1. 命令</translation>
    </message>
    <message>
        <source>In the Orders tab, move your instruments — tariffs, export controls, purchases — and choose a public statement. Every step costs political capital. Orders stay secret until the turn resolves. Press Submit orders (Ctrl+Enter).</source>
        <translation>在“命令”页调整你的政策工具——关税、出口管制、采购——并选择公开声明。每调整一步都要花费政治资本。命令在回合结算前保密。按“提交命令”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>2. The table</source>
        <translation>2. 谈判桌</translation>
    </message>
    <message>
        <source>Then the table opens. Build a package in the proposal builder: tick terms on your instruments and theirs, set levels and durations (a term that lasts N turns snaps back afterwards). The what-if preview shows how the package would move both sides&apos; meters in four turns. Propose it, or answer their offer: accept, reject, or edit it into a counter-offer. A few offers are allowed per turn; End turn closes the table.</source>
        <translation>随后谈判桌开启。在方案编辑器中组合方案：勾选你方和对方的工具条款，设定水平和期限（持续N回合的条款到期后恢复原状）。“假设预览”显示该方案在四回合后对双方指标的影响。提出方案，或答复对方的方案：接受、拒绝，或修改为还价。每回合只能提出少数几个方案；“结束回合”关闭谈判桌。</translation>
    </message>
    <message>
        <source>3. Resolution</source>
        <translation>3. 结算</translation>
    </message>
    <message>
        <source>Orders and agreed terms take effect together, the economy model steps and the news arrives. Click any meter value to see why it moved. Breaking an agreement costs trust and capital.</source>
        <translation>命令和协议条款同时生效，经济模型向前推进，新闻随之而来。点击任一指标数值可查看其变动原因。违反协议会损失互信和政治资本。</translation>
    </message>
    <message>
        <source>4. The end</source>
        <translation>4. 结局</translation>
    </message>
    <message>
        <source>The game ends with a comprehensive deal, a walk-out, a collapse of trust, a recession or the deadline. The debrief reveals both briefings, the zone of possible agreement and what happened in 2025. Export it as PNG or PDF from the debrief.</source>
        <translation>游戏在达成全面协议、一方退出、互信崩溃、经济衰退或期限到达时结束。复盘会公开双方的简报、可能达成协议的区间以及2025年的实际情况。可在复盘中导出为 PNG 或 PDF。</translation>
    </message>
    <message>
        <source>Hot-seat</source>
        <translation>热座</translation>
    </message>
    <message>
        <source>Two players share one computer. Between the delegations&apos; private phases a hand-over screen hides everything; press Ready only when the right delegation is at the keyboard.</source>
        <translation>两名玩家共用一台电脑。在双方的私密阶段之间，交接画面会隐藏一切；只有在对应的代表团坐到键盘前时才按“准备好了”。</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>Ctrl+N new game · Ctrl+S save · Ctrl+O open · Ctrl+Enter submit orders or end turn · Ctrl+1/2 switch between Orders and Table · F1 this guide · Tab moves between controls.</source>
        <translation>Ctrl+N 新游戏 · Ctrl+S 保存 · Ctrl+O 打开 · Ctrl+Enter 提交命令或结束回合 · Ctrl+1/2 在命令和谈判桌之间切换 · F1 本指南 · Tab 在控件之间移动。</translation>
    </message>
    <message>
        <source>The rulebook (docs/rules.md) is not installed with this copy of the game.</source>
        <translation>此版本未附带规则手册（docs/rules.md）。</translation>
    </message>
</context>
<context>
    <name>GameController</name>
    <message>
        <source>Wait for your turn.</source>
        <translation>请等待轮到你。</translation>
    </message>
    <message>
        <source>The AI tried an illegal move ({0}).</source>
        <translation>AI 试图走一步不合规则的棋（{0}）。</translation>
    </message>
    <message>
        <source>The AI failed to decide: {0}</source>
        <translation>AI 未能做出决定：{0}</translation>
    </message>
</context>
<context>
    <name>GamePage</name>
    <message>
        <source>Orders and negotiation table</source>
        <translation>命令与谈判桌</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>命令(&amp;O)</translation>
    </message>
    <message>
        <source>Negotiation &amp;table</source>
        <translation>谈判桌(&amp;T)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>The AI is thinking</source>
        <translation>AI 正在思考</translation>
    </message>
    <message>
        <source>Your advisers&apos; suggestion</source>
        <translation>顾问的建议</translation>
    </message>
    <message>
        <source>Ask your &amp;advisers</source>
        <translation>征询顾问(&amp;A)</translation>
    </message>
    <message>
        <source>Ask your advisers what they would do now</source>
        <translation>询问你的顾问现在会怎么做</translation>
    </message>
    <message>
        <source>&amp;Walk out</source>
        <translation>退出谈判(&amp;W)</translation>
    </message>
    <message>
        <source>Walk out of the talks</source>
        <translation>退出谈判</translation>
    </message>
    <message>
        <source>End turn</source>
        <translation>结束回合</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>HandOverScreen</name>
    <message>
        <source>Ready</source>
        <translation>准备好了</translation>
    </message>
    <message>
        <source>Pass to the {side} delegation</source>
        <translation>请交给{side}代表团</translation>
    </message>
    <message>
        <source>The {prev} delegation&apos;s screen is hidden. When only the {side} delegation can see the screen, press Ready.</source>
        <translation>{prev}代表团的画面已隐藏。当只有{side}代表团能看到屏幕时，请按“准备好了”。</translation>
    </message>
    <message>
        <source>When only the {side} delegation can see the screen, press Ready.</source>
        <translation>当只有{side}代表团能看到屏幕时，请按“准备好了”。</translation>
    </message>
    <message>
        <source>Ready: the {side} delegation has the computer</source>
        <translation>准备好了：{side}代表团已接过电脑</translation>
    </message>
</context>
<context>
    <name>LevelEditor</name>
    <message>
        <source>${n} bn</source>
        <translation>{n} 十亿美元</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the scenario…</source>
        <translation>正在打开剧本……</translation>
    </message>
    <message>
        <source>End turn</source>
        <translation>结束回合</translation>
    </message>
    <message>
        <source>Could not start the game: {err}</source>
        <translation>无法开始游戏：{err}</translation>
    </message>
    <message>
        <source>The scenario {path} could not be opened:
{err}

Choose Game ▸ New game… to pick another.</source>
        <translation>无法打开剧本 {path}：
{err}

请选择“游戏 ▸ 新游戏……”另选一个。</translation>
    </message>
    <message>
        <source>New game</source>
        <translation>新游戏</translation>
    </message>
    <message>
        <source>Not yet available</source>
        <translation>暂不可用</translation>
    </message>
    <message>
        <source>Saving and opening games is not yet available in this build.</source>
        <translation>此版本暂不支持保存和打开游戏。</translation>
    </message>
    <message>
        <source>Wait for your turn.</source>
        <translation>请等待轮到你。</translation>
    </message>
    <message>
        <source>Rule {rule}: {message}</source>
        <translation>规则 {rule}：{message}</translation>
    </message>
    <message>
        <source>Walk out?</source>
        <translation>退出谈判？</translation>
    </message>
    <message>
        <source>Leave the table for good? The talks collapse and the game ends.</source>
        <translation>永久离开谈判桌？谈判将破裂，游戏结束。</translation>
    </message>
    <message>
        <source>How to play</source>
        <translation>玩法说明</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>About Tariff Talks</source>
        <translation>关于《关税谈判》</translation>
    </message>
    <message>
        <source>Tariff Talks — a negotiation game of the 2025 US–China tariff war.

Scenarios, rules and the economy model are documented in the docs folder. Figures come from the IMF, the BEA, the US Census Bureau and the banks&apos; research, as cited in each scenario.</source>
        <translation>《关税谈判》——一款关于2025年中美关税战的谈判游戏。

剧本、规则和经济模型的说明见 docs 文件夹。数据来自国际货币基金组织、美国经济分析局、美国人口普查局和各银行的研究，出处见各剧本。</translation>
    </message>
    <message>
        <source>Your advisers are thinking…</source>
        <translation>顾问正在思考……</translation>
    </message>
    <message>
        <source>Your advisers could not agree: {err}</source>
        <translation>顾问未能达成一致：{err}</translation>
    </message>
    <message>
        <source>Advisers: submit orders — {moves}; statement: {statement}.</source>
        <translation>顾问建议：提交命令——{moves}；声明：{statement}。</translation>
    </message>
    <message>
        <source>no moves</source>
        <translation>无行动</translation>
    </message>
    <message numerus="yes">
        <source>Advisers: propose a package of %n term(s) — see it in the negotiation table, ready to load.</source>
        <translation>
            <numerusform>顾问建议：提出含%n项条款的方案——见谈判桌，可一键载入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Advisers: accept the offer.</source>
        <translation>顾问建议：接受对方方案。</translation>
    </message>
    <message>
        <source>Advisers: reject the offer.</source>
        <translation>顾问建议：拒绝对方方案。</translation>
    </message>
    <message>
        <source>Advisers: make no further offer this turn.</source>
        <translation>顾问建议：本回合不再提出方案。</translation>
    </message>
    <message>
        <source>Advisers: walk out.</source>
        <translation>顾问建议：退出谈判。</translation>
    </message>
    <message>
        <source>The scenario editor is hidden during this hot-seat game (it shows both briefings); it comes back when the game is over.</source>
        <translation>热座对局期间剧本编辑器已隐藏（它会显示双方的简报）；对局结束后恢复。</translation>
    </message>
    <message>
        <source>Edit this scenario</source>
        <translation>编辑此剧本</translation>
    </message>
    <message>
        <source>A scenario file holds both delegations&apos; briefings: the scenario editor opens once this hot-seat game is over.</source>
        <translation>剧本文件包含双方代表团的简报：本局热座对局结束后才能打开剧本编辑器。</translation>
    </message>
    <message>
        <source>Edit a scenario</source>
        <translation>编辑剧本</translation>
    </message>
    <message>
        <source>Scenarios (*.yaml *.yml)</source>
        <translation>剧本文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Play-testing the edited scenario.</source>
        <translation>正在试玩编辑后的剧本。</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开剧本</translation>
    </message>
    <message>
        <source>…and {n} more (see the details).</source>
        <translation>……另有 {n} 个问题（见详细信息）。</translation>
    </message>
    <message>
        <source>This scenario has problems:

{problems}</source>
        <translation>此剧本存在问题：

{problems}</translation>
    </message>
    <message>
        <source>&amp;Fix it in the editor…</source>
        <translation>在编辑器中修改(&amp;F)…</translation>
    </message>
    <message>
        <source>Open the scenario in the editor at its first problem</source>
        <translation>在编辑器中打开剧本并定位到第一个问题</translation>
    </message>
    <message>
        <source>Save game</source>
        <translation>保存游戏</translation>
    </message>
    <message>
        <source>Saved games (*{suffix})</source>
        <translation>存档 (*{suffix})</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Open game</source>
        <translation>打开游戏</translation>
    </message>
    <message>
        <source>Saved games (*{suffix} *.json)</source>
        <translation>存档 (*{suffix} *.json)</translation>
    </message>
    <message>
        <source>{err}

Open the backup of this save instead?</source>
        <translation>{err}

改为打开此存档的备份吗？</translation>
    </message>
    <message>
        <source>The scenario file has changed since this game was saved. Continue with the current scenario file? (No: keep the scenario as it was saved.)</source>
        <translation>自保存以来剧本文件已更改。是否使用当前的剧本文件继续？（否：保留保存时的剧本。）</translation>
    </message>
    <message>
        <source>The game was opened, with these remarks:</source>
        <translation>对局已打开，附注如下：</translation>
    </message>
    <message>
        <source>&amp;Game</source>
        <translation>游戏(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;New game…</source>
        <translation>新游戏(&amp;N)……</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)……</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)……</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近的对局(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;play a saved game…</source>
        <translation>回放已保存的对局(&amp;P)…</translation>
    </message>
    <message>
        <source>Replay &amp;this game</source>
        <translation>回放本局(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>剧本(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit this scenario…</source>
        <translation>编辑当前剧本(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;New scenario…</source>
        <translation>新建剧本(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open scenario file…</source>
        <translation>打开剧本文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo your last move</source>
        <translation>撤销上一步(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>命令(&amp;O)</translation>
    </message>
    <message>
        <source>Negotiation &amp;table</source>
        <translation>谈判桌(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;How to play</source>
        <translation>玩法说明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Tariff Talks</source>
        <translation>关于《关税谈判》(&amp;A)</translation>
    </message>
    <message>
        <source>{name} — cannot be read: {err}</source>
        <translation>{name} — 无法读取：{err}</translation>
    </message>
    <message>
        <source>{name} — {scenario}, saved {when}</source>
        <translation>{name} — {scenario}，保存于 {when}</translation>
    </message>
    <message>
        <source>{name} — {scenario}, finished on turn {turn}, saved {when}</source>
        <translation>{name} — {scenario}，于第{turn}回合结束，保存于 {when}</translation>
    </message>
    <message>
        <source>{name} — {scenario}, turn {turn}, saved {when}</source>
        <translation>{name} — {scenario}，第{turn}回合，保存于 {when}</translation>
    </message>
    <message>
        <source>Removed from the recent games (no longer there): {names}</source>
        <translation>已从最近的对局中移除（文件已不存在）：{names}</translation>
    </message>
    <message>
        <source>(no recent games)</source>
        <translation>（没有最近的对局）</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>{path} is no longer there; removed from the recent games.</source>
        <translation>{path} 已不存在，已从最近的对局中移除。</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>打开最近的对局</translation>
    </message>
    <message>
        <source>You: {me} delegation · Opposite: {them} ({opp})</source>
        <translation>你：{me}代表团 · 对方：{them}（{opp}）</translation>
    </message>
    <message>
        <source>{them} is thinking…</source>
        <translation>{them}正在思考……</translation>
    </message>
    <message>
        <source>Orders: your move</source>
        <translation>命令：轮到你</translation>
    </message>
    <message>
        <source>Orders: waiting for {them}</source>
        <translation>命令：等待{them}</translation>
    </message>
    <message>
        <source>Table: your move</source>
        <translation>谈判桌：轮到你</translation>
    </message>
    <message>
        <source>Table: {them} to move</source>
        <translation>谈判桌：轮到{them}</translation>
    </message>
    <message>
        <source>Waiting for {them}…</source>
        <translation>等待{them}……</translation>
    </message>
    <message>
        <source>Submit orders</source>
        <translation>提交命令</translation>
    </message>
    <message>
        <source>Answer their offer first</source>
        <translation>请先答复对方的方案</translation>
    </message>
    <message>
        <source>Turn {n} of {total}</source>
        <translation>第{n}/{total}回合</translation>
    </message>
    <message>
        <source>The game is over: see the debrief</source>
        <translation>对局已结束：请看复盘</translation>
    </message>
    <message numerus="yes">
        <source>Deadline {date}: %n more turn(s) after this one</source>
        <translation>
            <numerusform>期限 {date}：本回合后还剩%n回合</numerusform>
        </translation>
    </message>
    <message>
        <source>hot-seat</source>
        <translation>热座</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>The {side} delegation is thinking…</source>
        <translation>{side}代表团正在思考……</translation>
    </message>
    <message>
        <source>hand-over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Replay a saved game</source>
        <translation>回放已保存的对局</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>This save is a hot-seat game still in progress. A replay shows both sides&apos; briefings, orders and political capital: it opens once the game is over.</source>
        <translation>此存档是一局尚未结束的热座对局。回放会显示双方的简报、指令和政治资本：对局结束后才能打开。</translation>
    </message>
    <message>
        <source>This is the game now running (or a save of it). A replay shows both sides&apos; briefings, orders and political capital: it opens once the game is over.</source>
        <translation>这是正在进行的对局（或它的存档）。回放会显示双方的简报、指令和政治资本：对局结束后才能打开。</translation>
    </message>
    <message>
        <source>Resumed your unfinished game.</source>
        <translation>已恢复你未完成的对局。</translation>
    </message>
    <message>
        <source>Your unfinished game was kept in {path} (Game ▸ Open recent).</source>
        <translation>未完成的对局已保留在 {path}（游戏 ▸ 最近的对局）。</translation>
    </message>
    <message>
        <source>The unfinished game could not be kept: {err}</source>
        <translation>无法保留未完成的对局：{err}</translation>
    </message>
    <message>
        <source> ({scenario}, turn {turn}, saved {when})</source>
        <translation>（{scenario}，第{turn}回合，保存于 {when}）</translation>
    </message>
    <message>
        <source>Resume?</source>
        <translation>继续上次的对局？</translation>
    </message>
    <message>
        <source>A game did not finish last time{detail}. Resume it?</source>
        <translation>上次有一局未完成{detail}。要继续吗？</translation>
    </message>
    <message>
        <source>Start new keeps the unfinished game in your saves folder (Game ▸ Open recent); Discard deletes it.</source>
        <translation>“开始新对局”会把未完成的对局保留在你的存档文件夹中（游戏 ▸ 最近的对局）；“丢弃”则将其删除。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start new</source>
        <translation>开始新对局(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Resume the unfinished game</source>
        <translation>继续未完成的对局</translation>
    </message>
    <message>
        <source>Start a new game and keep the unfinished one</source>
        <translation>开始新对局并保留未完成的对局</translation>
    </message>
    <message>
        <source>Discard the unfinished game</source>
        <translation>丢弃未完成的对局</translation>
    </message>
    <message>
        <source>Autosave failed: {err}</source>
        <translation>自动保存失败：{err}</translation>
    </message>
    <message>
        <source>⚠ Autosave failed</source>
        <translation>⚠ 自动保存失败</translation>
    </message>
    <message>
        <source>Autosaving works again.</source>
        <translation>自动保存已恢复正常。</translation>
    </message>
    <message>
        <source>A move is final once the computer is handed over.</source>
        <translation>电脑一经交接，此前的行动即为最终决定。</translation>
    </message>
    <message>
        <source>Take back your last move in this phase</source>
        <translation>撤销你在本阶段的上一步</translation>
    </message>
    <message>
        <source>Your last move was taken back.</source>
        <translation>已撤销你的上一步。</translation>
    </message>
</context>
<context>
    <name>MetersPanel</name>
    <message>
        <source>Meters</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Select a value to see why it moved.</source>
        <translation>选择一个数值，查看它为何变动。</translation>
    </message>
    <message>
        <source>Why the selected meter moved</source>
        <translation>所选指标的变动原因</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation>（你）</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共同指标</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共同</translation>
    </message>
    <message>
        <source>{meter}, {who}: why did it move?</source>
        <translation>{meter}，{who}：为何变动？</translation>
    </message>
    <message>
        <source>Trend of {meter}, {who}</source>
        <translation>{meter}走势，{who}</translation>
    </message>
</context>
<context>
    <name>NewGameDialog</name>
    <message>
        <source>New game — Tariff Talks</source>
        <translation>新游戏 — 关税谈判</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>剧本(&amp;S)</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>{title} (yours)</source>
        <translation>{title}（自定义）</translation>
    </message>
    <message>
        <source>Your own scenarios go in {folder}</source>
        <translation>你自己的剧本放在 {folder}</translation>
    </message>
    <message>
        <source>About the scenario</source>
        <translation>剧本简介</translation>
    </message>
    <message>
        <source>Your game</source>
        <translation>你的对局</translation>
    </message>
    <message>
        <source>Your side</source>
        <translation>你的一方</translation>
    </message>
    <message>
        <source>Your si&amp;de</source>
        <translation>你的一方(&amp;D)</translation>
    </message>
    <message>
        <source>Play against the &amp;AI</source>
        <translation>与 AI 对战(&amp;A)</translation>
    </message>
    <message>
        <source>Play against the AI</source>
        <translation>与 AI 对战</translation>
    </message>
    <message>
        <source>&amp;Hot-seat: two people on this computer</source>
        <translation>热座：两人共用一台电脑(&amp;H)</translation>
    </message>
    <message>
        <source>Hot-seat: two people on this computer</source>
        <translation>热座：两人共用一台电脑</translation>
    </message>
    <message>
        <source>Play against a &amp;program (the agent protocol)</source>
        <translation>与程序对战（智能体协议）(&amp;P)</translation>
    </message>
    <message>
        <source>Play against a program</source>
        <translation>与程序对战</translation>
    </message>
    <message>
        <source>PROGRAM [ARGS], e.g. python my_bot.py</source>
        <translation>程序 [参数]，例如 python my_bot.py</translation>
    </message>
    <message>
        <source>The program&apos;s command line</source>
        <translation>程序的命令行</translation>
    </message>
    <message>
        <source>It reads the game&apos;s JSON lines on stdin and answers on stdout (docs/agents.md).</source>
        <translation>程序从标准输入读取游戏的 JSON 行，并在标准输出上作答（见 docs/agents.md）。</translation>
    </message>
    <message>
        <source>AI style</source>
        <translation>AI 风格</translation>
    </message>
    <message>
        <source>AI level</source>
        <translation>AI 难度</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Opponent</source>
        <translation>对手</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Seed (optional)</source>
        <translation>随机种子（可选）</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>随机种子(&amp;E)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Start the game</source>
        <translation>开始游戏(&amp;S)</translation>
    </message>
    <message>
        <source>Start the game</source>
        <translation>开始游戏</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>{n} turns of {d} days</source>
        <translation>{n}回合，每回合{d}天</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
</context>
<context>
    <name>NewsPanel</name>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>News feed</source>
        <translation>新闻动态</translation>
    </message>
    <message>
        <source>Turn {n}</source>
        <translation>第{n}回合</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <source>Unilateral moves</source>
        <translation>单方面行动</translation>
    </message>
    <message>
        <source>Public statement</source>
        <translation>公开声明</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Optional words for the press</source>
        <translation>对媒体的表态（可选）</translation>
    </message>
    <message>
        <source>Statement text</source>
        <translation>声明内容</translation>
    </message>
    <message>
        <source>Agreements these orders would breach</source>
        <translation>这些指令将违反的协议</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>新水平</translation>
    </message>
    <message>
        <source>Capital cost</source>
        <translation>资本花费</translation>
    </message>
    <message>
        <source>New level of {name}</source>
        <translation>{name}的新水平</translation>
    </message>
    <message>
        <source>Your orders for this turn are in: {moves}. They take effect when the turn resolves.</source>
        <translation>你本回合的命令已提交：{moves}。它们在回合结算时生效。</translation>
    </message>
    <message>
        <source>no moves</source>
        <translation>无行动</translation>
    </message>
    <message>
        <source>Choose this week&apos;s unilateral moves and a public statement. They stay private until the turn resolves. Every step costs political capital.</source>
        <translation>选择本周的单方面行动和公开声明。它们在回合结算前保密。每调整一步都要花费政治资本。</translation>
    </message>
    <message>
        <source>Orders are closed for this turn: the table is open.</source>
        <translation>本回合命令已截止：谈判桌已开启。</translation>
    </message>
    <message>
        <source>The agreement signed on turn {turn} holds {name} at most {committed}; your order: {ordered}.</source>
        <translation>第{turn}回合签署的协议规定{name}至多为{committed}；你的指令：{ordered}。</translation>
    </message>
    <message>
        <source>The agreement signed on turn {turn} holds {name} at least {committed}; your order: {ordered}.</source>
        <translation>第{turn}回合签署的协议规定{name}至少为{committed}；你的指令：{ordered}。</translation>
    </message>
    <message>
        <source>It becomes void: the {other} delegation&apos;s commitments in it snap back ({what}).</source>
        <translation>该协议将作废：{other}代表团在其中的承诺恢复原状（{what}）。</translation>
    </message>
    <message>
        <source>Cost: {trust:.0f} trust (from {before:.0f} to {after:.0f}, before the turn&apos;s other changes) and {capital:.0f} of your political capital.</source>
        <translation>代价：互信减少{trust:.0f}（从{before:.0f}降至{after:.0f}，未计本回合其他变化），并损失{capital:.0f}点政治资本。</translation>
    </message>
    <message>
        <source>Trust would run out: the talks collapse and the game ends.</source>
        <translation>互信将耗尽：谈判破裂，游戏结束。</translation>
    </message>
    <message>
        <source>Breach an agreement?</source>
        <translation>违反协议？</translation>
    </message>
    <message>
        <source>These orders breach an agreement in force.</source>
        <translation>这些指令违反一项生效中的协议。</translation>
    </message>
    <message>
        <source>These orders breach {n} agreements in force.</source>
        <translation>这些指令违反{n}项生效中的协议。</translation>
    </message>
    <message>
        <source>Submit these orders anyway?</source>
        <translation>仍要提交这些指令吗？</translation>
    </message>
    <message>
        <source>&amp;Yes, breach it</source>
        <translation>是，违反协议(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No, back to the orders</source>
        <translation>否，返回指令(&amp;N)</translation>
    </message>
    <message>
        <source>These orders cost {cost:.1f} of your {capital:.0f} political capital.</source>
        <translation>这些命令花费 {cost:.1f} 政治资本（你共有 {capital:.0f}）。</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Shared</source>
        <translation>共同指标</translation>
    </message>
    <message>
        <source>Last turn: {before} → {now} ({delta})</source>
        <translation>上一回合：{before} → {now}（{delta}）</translation>
    </message>
    <message>
        <source>Now: {now}</source>
        <translation>当前：{now}</translation>
    </message>
    <message>
        <source>Why it moved:</source>
        <translation>变动原因：</translation>
    </message>
    <message>
        <source>No economic cause recorded: this meter moves with statements, agreements, breaches and events.</source>
        <translation>没有记录经济原因：该指标随声明、协议、违约和事件而变动。</translation>
    </message>
</context>
<context>
    <name>ReplayViewer</name>
    <message>
        <source>Replay — {title}</source>
        <translation>回放 — {title}</translation>
    </message>
    <message>
        <source>◀ &amp;Previous turn</source>
        <translation>◀ 上一回合(&amp;P)</translation>
    </message>
    <message>
        <source>Previous turn</source>
        <translation>上一回合</translation>
    </message>
    <message>
        <source>&amp;Next turn ▶</source>
        <translation>下一回合(&amp;N) ▶</translation>
    </message>
    <message>
        <source>Next turn</source>
        <translation>下一回合</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>回合</translation>
    </message>
    <message>
        <source>Left and Right arrows step a turn; Home and End go to the ends</source>
        <translation>左右方向键逐回合移动；Home 和 End 跳到开头和结尾</translation>
    </message>
    <message>
        <source>Meters at the end of the turn</source>
        <translation>回合结束时的指标</translation>
    </message>
    <message>
        <source>What happened this turn</source>
        <translation>本回合发生的事</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close the replay</source>
        <translation>关闭回放</translation>
    </message>
    <message>
        <source>The start</source>
        <translation>开局</translation>
    </message>
    <message>
        <source>Turn {n} of {total} (did not resolve: meters as it began)</source>
        <translation>第{n}回合／共{total}回合（未结算：指标为回合开始时）</translation>
    </message>
    <message>
        <source>Turn {n} of {total}</source>
        <translation>第{n}/{total}回合</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Moves:</source>
        <translation>行动：</translation>
    </message>
    <message>
        <source>News:</source>
        <translation>新闻：</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>countered</source>
        <translation>已还价</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>Offers:</source>
        <translation>方案：</translation>
    </message>
    <message>
        <source>• {side} offers: {terms} — {status}</source>
        <translation>• {side}提出：{terms} — {status}</translation>
    </message>
    <message>
        <source>Instruments that moved:</source>
        <translation>变动的政策工具：</translation>
    </message>
    <message>
        <source>The game starts here.</source>
        <translation>对局从这里开始。</translation>
    </message>
    <message>
        <source>• {side}: orders ({moves}), statement: {statement}</source>
        <translation>• {side}：命令（{moves}），声明：{statement}</translation>
    </message>
    <message>
        <source>no moves</source>
        <translation>无行动</translation>
    </message>
    <message>
        <source>• {side} accepts the offer</source>
        <translation>• {side}接受了方案</translation>
    </message>
    <message>
        <source>• {side} rejects the offer</source>
        <translation>• {side}拒绝了方案</translation>
    </message>
    <message>
        <source>• {side} rejects the offer and counters</source>
        <translation>• {side}拒绝了方案并还价</translation>
    </message>
    <message>
        <source>• {side} makes an offer</source>
        <translation>• {side}提出了方案</translation>
    </message>
    <message>
        <source>• {side} makes no further offer this turn</source>
        <translation>• {side}本回合不再提出方案</translation>
    </message>
    <message>
        <source>• {side} walks out</source>
        <translation>• {side}退出了谈判</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <source>Scenario editor</source>
        <translation>剧本编辑器</translation>
    </message>
    <message>
        <source>&amp;New scenario</source>
        <translation>新建剧本(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Validate now</source>
        <translation>立即校验(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Play-test</source>
        <translation>试玩(&amp;P)</translation>
    </message>
    <message>
        <source>Start a game from the edited scenario (F5)</source>
        <translation>用编辑中的剧本开始一局游戏（F5）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>剧本(&amp;S)</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>Scenario editor toolbar</source>
        <translation>剧本编辑器工具栏</translation>
    </message>
    <message>
        <source>Form and text views</source>
        <translation>表单视图和文本视图</translation>
    </message>
    <message>
        <source>Scenario text (YAML)</source>
        <translation>剧本文本（YAML）</translation>
    </message>
    <message>
        <source>The scenario file; problems are listed below the editor.</source>
        <translation>剧本文件；问题列在编辑器下方。</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>表单(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>文本(&amp;T)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Validation summary</source>
        <translation>校验摘要</translation>
    </message>
    <message>
        <source>Play-test the scenario</source>
        <translation>试玩剧本</translation>
    </message>
    <message>
        <source>Problems found in the scenario; activate one to jump to its line.</source>
        <translation>剧本中发现的问题；选择一项即可跳转到对应行。</translation>
    </message>
    <message>
        <source>Editor and problems</source>
        <translation>编辑器和问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Form view</source>
        <translation>表单视图</translation>
    </message>
    <message>
        <source>Scenario details</source>
        <translation>剧本详情</translation>
    </message>
    <message>
        <source>Scenario id</source>
        <translation>剧本标识</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Days per turn</source>
        <translation>每回合天数</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>教程</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>Title (&amp;English):</source>
        <translation>标题（英文）(&amp;E)：</translation>
    </message>
    <message>
        <source>Title (&amp;Chinese):</source>
        <translation>标题（中文）(&amp;C)：</translation>
    </message>
    <message>
        <source>Start &amp;date:</source>
        <translation>开始日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Days per t&amp;urn:</source>
        <translation>每回合天数(&amp;U)：</translation>
    </message>
    <message>
        <source>Di&amp;fficulty:</source>
        <translation>难度(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Political capital</source>
        <translation>政治资本</translation>
    </message>
    <message>
        <source>Approval %</source>
        <translation>支持率 %</translation>
    </message>
    <message>
        <source>Sides table</source>
        <translation>参与方表格</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所属方</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>覆盖份额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Instruments table</source>
        <translation>政策工具表格</translation>
    </message>
    <message>
        <source>A&amp;dd instrument</source>
        <translation>添加政策工具(&amp;D)</translation>
    </message>
    <message>
        <source>Add an instrument at the end of the list</source>
        <translation>在列表末尾添加一个政策工具</translation>
    </message>
    <message>
        <source>&amp;Remove instrument</source>
        <translation>删除政策工具(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected instrument</source>
        <translation>删除所选政策工具</translation>
    </message>
    <message>
        <source>End and table</source>
        <translation>结束条件与谈判桌</translation>
    </message>
    <message>
        <source>Deadline in turns</source>
        <translation>最后期限（回合）</translation>
    </message>
    <message>
        <source>Offers per turn</source>
        <translation>每回合方案数</translation>
    </message>
    <message>
        <source>Trust at the start (%)</source>
        <translation>初始信任度（%）</translation>
    </message>
    <message>
        <source>Dead&amp;line (turns):</source>
        <translation>最后期限（回合）(&amp;L)：</translation>
    </message>
    <message>
        <source>Offers &amp;per turn:</source>
        <translation>每回合方案数(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Trust at the start (%):</source>
        <translation>初始信任度（%）(&amp;T)：</translation>
    </message>
    <message>
        <source>Briefings, events and scoring are edited in the Text view; every field is described in docs/authoring.md.</source>
        <translation>简报、事件和计分请在文本视图中编辑；所有字段的说明见 docs/authoring.md。</translation>
    </message>
    <message>
        <source>About the form</source>
        <translation>关于表单</translation>
    </message>
    <message>
        <source>Cannot open {path}: {error}</source>
        <translation>无法打开 {path}：{error}</translation>
    </message>
    <message>
        <source>A copy of the built-in scenario {name}: Save puts it in your scenario folder.</source>
        <translation>这是内置剧本 {name} 的副本：保存时会放入你的剧本文件夹。</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>打开剧本</translation>
    </message>
    <message>
        <source>Scenarios (*.yaml *.yml)</source>
        <translation>剧本 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation>保存剧本</translation>
    </message>
    <message>
        <source>Cannot save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>{name} (copy, not saved yet)</source>
        <translation>{name}（副本，尚未保存）</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>新剧本</translation>
    </message>
    <message>
        <source>{name}{star} — Scenario editor</source>
        <translation>{name}{star} — 剧本编辑器</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to this scenario?</source>
        <translation>是否保存对此剧本的更改？</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Line {line}, column {col}: {severity}: {message}</source>
        <translation>第 {line} 行，第 {col} 列：{severity}：{message}</translation>
    </message>
    <message>
        <source>No problems: ready to play-test.</source>
        <translation>没有问题：可以试玩。</translation>
    </message>
    <message>
        <source>{errors}, {warnings}, {hints}</source>
        <translation>{errors}，{warnings}，{hints}</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hint(s)</source>
        <translation>
            <numerusform>%n 个提示</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the errors listed below before play-testing.</source>
        <translation>请先修正下方列出的错误再试玩。</translation>
    </message>
    <message>
        <source>The scenario is valid.</source>
        <translation>剧本有效。</translation>
    </message>
    <message>
        <source>Starting a game from the edited scenario…</source>
        <translation>正在用编辑中的剧本开始游戏…</translation>
    </message>
    <message>
        <source>Changed {path}</source>
        <translation>已修改 {path}</translation>
    </message>
    <message>
        <source>Select an instrument to remove.</source>
        <translation>请选择要删除的政策工具。</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>The last answer at the table</source>
        <translation>谈判桌上的最新答复</translation>
    </message>
    <message>
        <source>Offer on the table</source>
        <translation>桌上的方案</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>Accept the offer</source>
        <translation>接受方案</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Reject the offer</source>
        <translation>拒绝方案</translation>
    </message>
    <message>
        <source>Reject: too &amp;far on…</source>
        <translation>拒绝：要求过分的是…(&amp;F)</translation>
    </message>
    <message>
        <source>Reject the offer and say which term went too far (optional)</source>
        <translation>拒绝该方案，并说明哪一项要求过分（可选）</translation>
    </message>
    <message>
        <source>Reject: which term went too far</source>
        <translation>拒绝：哪一项要求过分</translation>
    </message>
    <message>
        <source>&amp;Edit as counter-offer</source>
        <translation>修改为还价(&amp;E)</translation>
    </message>
    <message>
        <source>Load the offer into the proposal builder</source>
        <translation>将方案载入方案编辑器</translation>
    </message>
    <message>
        <source>Your advisers suggest this package</source>
        <translation>顾问建议的方案</translation>
    </message>
    <message>
        <source>Your advisers&apos; package</source>
        <translation>顾问的方案</translation>
    </message>
    <message>
        <source>&amp;Load into the builder</source>
        <translation>载入方案编辑器(&amp;L)</translation>
    </message>
    <message>
        <source>Load the advisers&apos; package into the proposal builder</source>
        <translation>将顾问的方案载入方案编辑器</translation>
    </message>
    <message>
        <source>Proposal builder</source>
        <translation>方案编辑器</translation>
    </message>
    <message>
        <source>Tick the terms to include (Space ticks the selected row). A term holds one instrument, yours or theirs, at a level for some turns (then it snaps back) or to the end. Your draft stays from turn to turn.</source>
        <translation>勾选要纳入的条款（空格键勾选所选行）。每项条款把一项工具（你方或对方的）保持在某一水平若干回合（之后恢复原状）或直至结束。草案会逐回合保留。</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>纳入</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>政策工具</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Terms of the package</source>
        <translation>方案条款</translation>
    </message>
    <message>
        <source>What a comprehensive deal needs</source>
        <translation>全面协议的条件</translation>
    </message>
    <message>
        <source>A message with the offer (optional)</source>
        <translation>随方案附言（可选）</translation>
    </message>
    <message>
        <source>Message with the offer</source>
        <translation>随方案附言</translation>
    </message>
    <message>
        <source>&amp;Propose</source>
        <translation>提出方案(&amp;P)</translation>
    </message>
    <message>
        <source>Put the package on the table</source>
        <translation>把方案摆上谈判桌</translation>
    </message>
    <message>
        <source>Clear &amp;terms</source>
        <translation>清空条款(&amp;T)</translation>
    </message>
    <message>
        <source>Clear the proposal builder</source>
        <translation>清空方案编辑器</translation>
    </message>
    <message>
        <source>What-if preview, history of offers and agreements in force</source>
        <translation>假设预览、方案记录与生效中的协议</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>What-if preview of the package&apos;s effect on the meters</source>
        <translation>方案对各项指标影响的假设预览</translation>
    </message>
    <message>
        <source>History of offers</source>
        <translation>方案记录</translation>
    </message>
    <message>
        <source>Each offer has a link that loads it into the proposal builder.</source>
        <translation>每个方案都有一个链接，可将其载入方案编辑器。</translation>
    </message>
    <message>
        <source>Agreements in force</source>
        <translation>生效中的协议</translation>
    </message>
    <message>
        <source>What-if preview</source>
        <translation>假设预览</translation>
    </message>
    <message>
        <source>Offers so far</source>
        <translation>已有方案</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>{side} commits (you)</source>
        <translation>{side}承诺（你方）</translation>
    </message>
    <message>
        <source>{side} commits</source>
        <translation>{side}承诺</translation>
    </message>
    <message>
        <source>Include {name}</source>
        <translation>纳入{name}</translation>
    </message>
    <message>
        <source>A comprehensive deal needs a term on this instrument.</source>
        <translation>全面协议须包含这项工具的条款。</translation>
    </message>
    <message>
        <source>Proposed level of {name}</source>
        <translation>{name}的提议水平</translation>
    </message>
    <message>
        <source>to the end</source>
        <translation>直至结束</translation>
    </message>
    <message>
        <source> turns</source>
        <translation>回合</translation>
    </message>
    <message>
        <source>Duration of the term on {name} (0: to the end)</source>
        <translation>{name}条款的期限（0：直至结束）</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>in {n} turns</source>
        <translation>{n}回合后</translation>
    </message>
    <message>
        <source>Turns after signing before the term on {name} starts</source>
        <translation>签署后{name}条款生效前的回合数</translation>
    </message>
    <message>
        <source>{who} offers (turn {turn}):</source>
        <translation>{who}提出的方案（第{turn}回合）：</translation>
    </message>
    <message>
        <source>Your offer is on the table, waiting for {who}:</source>
        <translation>你的方案已摆上谈判桌，等待{who}答复：</translation>
    </message>
    <message>
        <source>&amp;Counter-propose</source>
        <translation>还价(&amp;C)</translation>
    </message>
    <message>
        <source>This turn is orders only: the table opens on turn {n}. You can draft a package now.</source>
        <translation>本回合只有命令：谈判桌将在第{n}回合开启。你现在可以先起草方案。</translation>
    </message>
    <message>
        <source>The table opens once both delegations have given their orders. You can draft a package now.</source>
        <translation>双方代表团都下达命令后谈判桌才会开启。你现在可以先起草方案。</translation>
    </message>
    <message>
        <source>The game is over.</source>
        <translation>游戏已结束。</translation>
    </message>
    <message>
        <source>Your move: accept, reject, or counter their offer. Offers left this turn: {n}.</source>
        <translation>轮到你：接受、拒绝或还价。本回合剩余方案数：{n}。</translation>
    </message>
    <message>
        <source>Your move: put a package on the table, or end the turn. Offers left this turn: {n}.</source>
        <translation>轮到你：提出方案，或结束回合。本回合剩余方案数：{n}。</translation>
    </message>
    <message>
        <source>Waiting for the {who} delegation. Offers left this turn: {n}.</source>
        <translation>等待{who}代表团。本回合剩余方案数：{n}。</translation>
    </message>
    <message>
        <source>Offers so far ({n})</source>
        <translation>已有方案（{n}）</translation>
    </message>
    <message>
        <source>Agreements in force ({n})</source>
        <translation>生效中的协议（{n}）</translation>
    </message>
    <message>
        <source>A comprehensive deal: signing it ends the talks.</source>
        <translation>这是全面协议：签署即结束谈判。</translation>
    </message>
    <message>
        <source>A comprehensive deal.</source>
        <translation>这是全面协议。</translation>
    </message>
    <message>
        <source>Your offer lapsed (turn {turn}).</source>
        <translation>你方的方案已失效（第{turn}回合）。</translation>
    </message>
    <message>
        <source>{whose} offer lapsed (turn {turn}).</source>
        <translation>{whose}方案已失效（第{turn}回合）。</translation>
    </message>
    <message>
        <source>{who} accepted your offer (turn {turn}): the deal is signed.</source>
        <translation>{who}接受了你方的方案（第{turn}回合）：协议已签署。</translation>
    </message>
    <message>
        <source>{who} rejected your offer (turn {turn}).</source>
        <translation>{who}拒绝了你方的方案（第{turn}回合）。</translation>
    </message>
    <message>
        <source>{who} answered your offer with a counter-offer (turn {turn}).</source>
        <translation>{who}以反提案回应了你方的方案（第{turn}回合）。</translation>
    </message>
    <message>
        <source>You accepted {whose} offer (turn {turn}): the deal is signed.</source>
        <translation>你方接受了{whose}方案（第{turn}回合）：协议已签署。</translation>
    </message>
    <message>
        <source>You rejected {whose} offer (turn {turn}).</source>
        <translation>你方拒绝了{whose}方案（第{turn}回合）。</translation>
    </message>
    <message>
        <source>You answered {whose} offer with a counter-offer (turn {turn}).</source>
        <translation>你方以反提案回应了{whose}方案（第{turn}回合）。</translation>
    </message>
    <message>
        <source>It is a comprehensive deal.</source>
        <translation>这是全面协议。</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>No offers yet.</source>
        <translation>尚无方案。</translation>
    </message>
    <message>
        <source>on the table</source>
        <translation>在桌上</translation>
    </message>
    <message>
        <source>accepted: deal signed</source>
        <translation>已接受：协议已签署</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>countered</source>
        <translation>已还价</translation>
    </message>
    <message>
        <source>lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Load into the builder</source>
        <translation>载入方案编辑器</translation>
    </message>
    <message>
        <source>Turn {turn} · {who} · {status}</source>
        <translation>第{turn}回合 · {who} · {status}</translation>
    </message>
    <message>
        <source>No agreement has been signed yet.</source>
        <translation>尚未签署任何协议。</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>void: breached by {who}</source>
        <translation>已作废：{who}违约</translation>
    </message>
    <message>
        <source>replaced by a later agreement</source>
        <translation>已被后来的协议取代</translation>
    </message>
    <message>
        <source>Signed on turn {turn} ({date}), proposed by {who} · {status}</source>
        <translation>第{turn}回合（{date}）签署，{who}提出 · {status}</translation>
    </message>
    <message>
        <source>comprehensive deal</source>
        <translation>全面协议</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>自{date}起</translation>
    </message>
    <message>
        <source>to the end of the game</source>
        <translation>直至游戏结束</translation>
    </message>
    <message>
        <source>expires {date}, then snaps back to {level}</source>
        <translation>{date}到期，随后恢复至{level}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the clauses of a sentence</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>★ A comprehensive deal ends the talks. It needs {n} or more terms, commitments from both sides and a term on each ★ instrument.</source>
        <translation>★ 全面协议一经签署即结束谈判。它至少需要{n}项条款、双方都有承诺，并包含每项★工具的条款。</translation>
    </message>
    <message>
        <source>★ A comprehensive deal needs {n} or more terms, commitments from both sides and a term on each ★ instrument.</source>
        <translation>★ 全面协议至少需要{n}项条款、双方都有承诺，并包含每项★工具的条款。</translation>
    </message>
    <message>
        <source>Needed for a comprehensive deal: {names}</source>
        <translation>全面协议须包含：{names}</translation>
    </message>
    <message>
        <source>This draft is a comprehensive deal.</source>
        <translation>此草案是全面协议。</translation>
    </message>
    <message>
        <source>one more term</source>
        <translation>再加一项条款</translation>
    </message>
    <message>
        <source>{k} more terms</source>
        <translation>再加{k}项条款</translation>
    </message>
    <message>
        <source>a commitment from the other side</source>
        <translation>对方的承诺</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Not comprehensive yet: it lacks {what}.</source>
        <translation>尚不是全面协议：还缺{what}。</translation>
    </message>
    <message>
        <source>The offer of turn {turn} is in the proposal builder.</source>
        <translation>第{turn}回合的方案已载入方案编辑器。</translation>
    </message>
    <message>
        <source>Your advisers&apos; package is in the proposal builder.</source>
        <translation>顾问的方案已载入方案编辑器。</translation>
    </message>
    <message>
        <source>Rule {rule}: this package crosses your red line: {lines}</source>
        <translation>规则 {rule}：此方案越过了你方的红线：{lines}</translation>
    </message>
    <message>
        <source>Tick at least one term to include.</source>
        <translation>请至少勾选一项条款。</translation>
    </message>
    <message>
        <source>Reject — too far on (optional):</source>
        <translation>拒绝 — 要求过分的是（可选）：</translation>
    </message>
    <message>
        <source>{name} ({level})</source>
        <translation>{name}（{level}）</translation>
    </message>
    <message>
        <source>your package</source>
        <translation>你的方案</translation>
    </message>
    <message>
        <source>their offer</source>
        <translation>对方的方案</translation>
    </message>
    <message>
        <source>Tick terms in the builder (or receive an offer) to see what they would do to the meters.</source>
        <translation>在编辑器中勾选条款（或收到对方方案）后，可在此查看它们对各项指标的影响。</translation>
    </message>
    <message>
        <source>Computing the effect of {what}…</source>
        <translation>正在计算{what}的影响……</translation>
    </message>
    <message>
        <source>The preview failed: {err}</source>
        <translation>预览失败：{err}</translation>
    </message>
    <message>
        <source>Effect of {what} in {n} turns: with it, minus without it.</source>
        <translation>{what}在{n}回合后的影响：有此方案减去无此方案。</translation>
    </message>
    <message>
        <source>Your score</source>
        <translation>你的得分</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Tariff Talks</source>
        <translation>欢迎来到《关税谈判》</translation>
    </message>
    <message>
        <source>You lead a delegation in the 2025 US–China tariff war: give orders, make offers at the table, and steer both economies toward a deal. New here? Start with the tutorial.</source>
        <translation>你将率领代表团参与2025年中美关税战：下达命令、在谈判桌上提出方案，引导两国经济走向协议。初次来玩？先从教程开始。</translation>
    </message>
    <message>
        <source>New to the game?</source>
        <translation>初次来玩？</translation>
    </message>
    <message>
        <source>Five short turns, one lesson each: orders first, then the negotiation table. Recommended for your first game.</source>
        <translation>五个简短的回合，每回合一课：先学下达命令，再学谈判桌。推荐第一局使用。</translation>
    </message>
    <message>
        <source>&amp;Start the tutorial</source>
        <translation>开始教程(&amp;S)</translation>
    </message>
    <message>
        <source>The rules in brief</source>
        <translation>规则速览</translation>
    </message>
    <message>
        <source>A turn, the table, the scoring and the keys, on one page. You come back here after.</source>
        <translation>一页读懂回合流程、谈判桌、计分和快捷键。读完后回到这里。</translation>
    </message>
    <message>
        <source>&amp;Read How to play</source>
        <translation>阅读玩法说明(&amp;R)</translation>
    </message>
    <message>
        <source>Ready to negotiate?</source>
        <translation>准备好谈判了吗？</translation>
    </message>
    <message>
        <source>Geneva, May 2025: tariffs at 145% and 125%, a recession looming. The full scenario, against the AI.</source>
        <translation>2025年5月，日内瓦：关税分别高达145%和125%，衰退阴影逼近。完整剧本，对手为AI。</translation>
    </message>
    <message>
        <source>&amp;Play Geneva</source>
        <translation>进入日内瓦谈判(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>This choice is offered once. Later: Game ▸ New game… (the tutorial is in the list) and Help ▸ How to play (F1).</source>
        <translation>此选择只出现一次。之后可通过 游戏 ▸ 新游戏…（教程在列表中）和 帮助 ▸ 玩法说明（F1）找到。</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
</context>
</TS>
