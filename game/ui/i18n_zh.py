"""Simplified Chinese for the window's own strings (source text -> translation).

Keys are the exact English source texts passed to ``tr()``; placeholders in braces
are kept. ``tests/ui/test_ui_i18n.py`` checks that every wrapped string has an
entry and that the placeholders match.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # autosave, undo, resume
    "Re&play a saved game…": "回放已保存的对局(&P)…",
    "Replay &this game": "回放本局(&T)",
    "Replay a saved game": "回放已保存的对局",
    "Replay": "回放",
    # Secrecy: what stays closed while a game runs.
    "This is the game now running (or a save of it). A replay shows both sides' briefings, orders and "
    "political capital: it opens once the game is over.": (
        "这是正在进行的对局（或它的存档）。回放会显示双方的简报、指令和政治资本：对局结束后才能打开。"
    ),
    "The scenario editor is hidden during this hot-seat game (it shows both briefings); it comes back "
    "when the game is over.": "热座对局期间剧本编辑器已隐藏（它会显示双方的简报）；对局结束后恢复。",
    "Edit this scenario": "编辑此剧本",
    "A move is final once the computer is handed over.": "电脑一经交接，此前的行动即为最终决定。",
    "The game is over: see the debrief": "对局已结束：请看复盘",
    "A scenario file holds both delegations' briefings: the scenario editor opens once this hot-seat "
    "game is over.": "剧本文件包含双方代表团的简报：本局热座对局结束后才能打开剧本编辑器。",
    "This save is a hot-seat game still in progress. A replay shows both sides' briefings, orders and "
    "political capital: it opens once the game is over.": (
        "此存档是一局尚未结束的热座对局。回放会显示双方的简报、指令和政治资本：对局结束后才能打开。"
    ),
    "Replay — {title}": "回放 — {title}",
    "◀ &Previous turn": "◀ 上一回合(&P)",
    "&Next turn ▶": "下一回合(&N) ▶",
    "Previous turn": "上一回合",
    "Next turn": "下一回合",
    "Turn": "回合",
    "Meters at the end of the turn": "回合结束时的指标",
    "What happened this turn": "本回合发生的事",
    "&Close": "关闭(&C)",
    "Close the replay": "关闭回放",
    "The start": "开局",
    "Change": "变化",
    "• {side} offers: {terms} — {status}": "• {side}提出：{terms} — {status}",
    "Instruments that moved:": "变动的政策工具：",
    "The game starts here.": "对局从这里开始。",
    "Your advisers' suggestion": "顾问的建议",
    "Ask your &advisers": "征询顾问(&A)",
    "Ask your advisers what they would do now": "询问你的顾问现在会怎么做",
    "Your advisers are thinking…": "顾问正在思考……",
    "Your advisers could not agree: {err}": "顾问未能达成一致：{err}",
    "Advisers: accept the offer.": "顾问建议：接受对方方案。",
    "Advisers: reject the offer.": "顾问建议：拒绝对方方案。",
    "Advisers: make no further offer this turn.": "顾问建议：本回合不再提出方案。",
    "Advisers: walk out.": "顾问建议：退出谈判。",
    "Save &As…": "另存为(&A)…",
    "Open &recent": "最近的对局(&R)",
    "(no recent games)": "（没有最近的对局）",
    "{path} is no longer there; removed from the recent games.": "{path} 已不存在，已从最近的对局中移除。",
    "&Edit this scenario…": "编辑当前剧本(&E)…",
    "&New scenario…": "新建剧本(&N)…",
    "&Open scenario file…": "打开剧本文件(&O)…",
    "Open scenario": "打开剧本",
    "Scenarios (*.yaml *.yml)": "剧本文件 (*.yaml *.yml)",
    "This scenario has problems:\n\n{problems}": "此剧本存在问题：\n\n{problems}",
    "&Edit": "编辑(&E)",
    "&Undo your last move": "撤销上一步(&U)",
    "&Redo": "重做(&R)",
    "Take back your last move in this phase": "撤销你在本阶段的上一步",
    "Autosave failed: {err}": "自动保存失败：{err}",
    "Your last move was taken back.": "已撤销你的上一步。",
    "Resumed your unfinished game.": "已恢复你未完成的对局。",
    "Resume?": "继续上次的对局？",
    "A game did not finish last time{detail}. Resume it?": "上次有一局未完成{detail}。要继续吗？",
    "&Resume": "继续(&R)",
    "&Start new": "开始新对局(&S)",
    "&Discard": "丢弃(&D)",
    " ({scenario}, turn {turn}, saved {when})": "（{scenario}，第{turn}回合，保存于 {when}）",
    "Start new keeps the unfinished game in your saves folder (Game ▸ Open recent); Discard deletes it.": (
        "“开始新对局”会把未完成的对局保留在你的存档文件夹中（游戏 ▸ 最近的对局）；“丢弃”则将其删除。"
    ),
    "Resume the unfinished game": "继续未完成的对局",
    "Start a new game and keep the unfinished one": "开始新对局并保留未完成的对局",
    "Discard the unfinished game": "丢弃未完成的对局",
    "Your unfinished game was kept in {path} (Game ▸ Open recent).": "未完成的对局已保留在 {path}（游戏 ▸ 最近的对局）。",
    "The unfinished game could not be kept: {err}": "无法保留未完成的对局：{err}",
    "⚠ Autosave failed": "⚠ 自动保存失败",
    "Autosaving works again.": "自动保存已恢复正常。",
    "The game was opened, with these remarks:": "对局已打开，附注如下：",
    "Open recent": "打开最近的对局",
    "&Clear the list": "清空列表(&C)",
    "Removed from the recent games (no longer there): {names}": "已从最近的对局中移除（文件已不存在）：{names}",
    "{name} — cannot be read: {err}": "{name} — 无法读取：{err}",
    "{name} — {scenario}, saved {when}": "{name} — {scenario}，保存于 {when}",
    "{name} — {scenario}, turn {turn}, saved {when}": "{name} — {scenario}，第{turn}回合，保存于 {when}",
    "{name} — {scenario}, finished on turn {turn}, saved {when}": "{name} — {scenario}，于第{turn}回合结束，保存于 {when}",
    "Edit a scenario": "编辑剧本",
    "Play-testing the edited scenario.": "正在试玩编辑后的剧本。",
    "…and {n} more (see the details).": "……另有 {n} 个问题（见详细信息）。",
    "&Fix it in the editor…": "在编辑器中修改(&F)…",
    "Open the scenario in the editor at its first problem": "在编辑器中打开剧本并定位到第一个问题",
    "Left and Right arrows step a turn; Home and End go to the ends": "左右方向键逐回合移动；Home 和 End 跳到开头和结尾",
    "Moves:": "行动：",
    "Turn {n} of {total} (did not resolve: meters as it began)": "第{n}回合／共{total}回合（未结算：指标为回合开始时）",
    "News:": "新闻：",
    "Offers:": "方案：",
    "• {side}: orders ({moves}), statement: {statement}": "• {side}：命令（{moves}），声明：{statement}",
    "• {side} accepts the offer": "• {side}接受了方案",
    "• {side} rejects the offer": "• {side}拒绝了方案",
    "• {side} rejects the offer and counters": "• {side}拒绝了方案并还价",
    "• {side} makes an offer": "• {side}提出了方案",
    "• {side} makes no further offer this turn": "• {side}本回合不再提出方案",
    "• {side} walks out": "• {side}退出了谈判",
    # controller
    "Wait for your turn.": "请等待轮到你。",
    "The AI failed to decide: {0}": "AI 未能做出决定：{0}",
    "The AI tried an illegal move ({0}).": "AI 试图走一步不合规则的棋（{0}）。",
    # debrief
    "Debrief": "复盘",
    "Export the debrief as a PNG image": "将复盘导出为 PNG 图片",
    "Export the debrief as a PDF document": "将复盘导出为 PDF 文档",
    "The zone of possible agreement": "可能达成协议的区间",
    "Computing the zone of possible agreement…": "正在计算可能达成协议的区间……",
    "The meters over the game": "整局游戏中的各项指标",
    "human": "玩家",
    "What happened in 2025": "2025年的实际情况",
    "Comparison with 2025": "与2025年的对比",
    "Timeline of moves and agreements": "行动与协议时间线",
    "accepted": "已接受",
    "rejected": "已拒绝",
    "countered": "已还价",
    "lapsed": "已失效",
    "pending": "待答复",
    "Packages both sides prefer to no deal": "双方都优于无协议的方案",
    "Other packages": "其他方案",
    "No deal (projected)": "无协议（预测）",
    "Where the game landed": "本局的最终结果",
    "Walk-away values": "底线分数",
    "Zone of possible agreement": "可能达成协议的区间",
    "PNG image (*.png)": "PNG 图片 (*.png)",
    "PDF document (*.pdf)": "PDF 文档 (*.pdf)",
    "Export the debrief": "导出复盘",
    "The game ended on turn {turn}: {reason}.": "游戏在第{turn}回合结束：{reason}。",
    "Export &PNG…": "导出 PNG(&P)……",
    "Export P&DF…": "导出 PDF(&D)……",
    "Objective": "目标",
    "Value": "数值",
    "Credit": "完成度",
    "Points": "得分",
    "Topic": "议题",
    "In 2025": "2025年",
    "In your game": "本局",
    "Source: shared calibration notes (IMF, BEA, US Census, press reports).": (
        "来源：校准资料（国际货币基金组织、美国经济分析局、美国人口普查局、媒体报道）。"
    ),
    "Packages signed (projected from the start)": "已签署的方案（自开局预测）",
    "Tariff Talks debrief": "关税谈判复盘",
    "Debrief — {title}": "复盘 — {title}",
    "{side} ({who}): score {score:.1f} — walk-away {walk:.0f}": "{side}（{who}）：得分 {score:.1f} — 底线 {walk:.0f}",
    "Score breakdown of {side}": "{side}的得分明细",
    "Red lines:": "红线：",
    "This scenario has no historical comparison.": "此剧本没有历史对比。",
    "No agreement": "没有协议",
    "Chart of {meter} over the game": "{meter}在整局中的变化图",
    "Nothing happened.": "什么也没有发生。",
    "{side} score": "{side}得分",
    "{n} sampled packages, signed at the start and projected to the deadline; {k} of them left both "
    "sides above their walk-away values (green). The star is where the game actually ended.": (
        "抽样{n}个方案，假设在开局时签署并预测至期限；其中{k}个让双方都高于各自的底线（绿色）。星号是本局的实际结果。"
    ),
    "The zone of possible agreement could not be computed: {err}": "无法计算可能达成协议的区间：{err}",
    "Turn {n}": "第{n}回合",
    # debrief: the export bar, the agreements card and the printable report (game/ui/report.py)
    "Export status": "导出状态",
    "Exported to {path}": "已导出到 {path}",
    "Could not write {path}: {err}": "无法写入 {path}：{err}",
    "The zone of possible agreement was still being computed when this document was made.": (
        "生成本文档时，可能达成协议的区间仍在计算中。"
    ),
    "Agreement terms": "协议条款",
    "No agreement was signed.": "没有签署任何协议。",
    "Before": "协议前",
    "Agreed": "协议水平",
    "In force": "有效期",
    "rejected by {other}": "被{other}拒绝",
    "countered by {other}": "{other}已还价",
    "lapsed without an answer": "未获答复，已失效",
    "not yet answered": "尚未答复",
    "{whose} package of 1 term is accepted by {other} and signed": "{whose}提出的含1项条款的方案被{other}接受并签署",
    "{whose} package of {n} terms is accepted by {other} and signed": "{whose}提出的含{n}项条款的方案被{other}接受并签署",
    "{who} offers 1 term — {answer}": "{who}提出含1项条款的方案 — {answer}",
    "{who} offers {n} terms — {answer}": "{who}提出含{n}项条款的方案 — {answer}",
    "in force at the end": "结束时仍有效",
    "expired": "已到期",
    "breached": "已被违反",
    "breached by {side}": "被{side}违反",
    "superseded by a later agreement": "已被后来的协议取代",
    "Agreement {n}, signed on turn {turn}: proposed by {proposer}, accepted by {other} — {status}": (
        "协议{n}，第{turn}回合签署：由{proposer}提出，{other}接受 — {status}"
    ),
    "from turn {a} to the end": "自第{a}回合至游戏结束",
    "turns {a}–{b}": "第{a}–{b}回合",
    "1 agreement signed, in force at the end": "签署1项协议，结束时仍有效",
    "1 agreement signed, not in force at the end": "签署1项协议，结束时已失效",
    "{n} agreements signed; {m} in force at the end": "共签署{n}项协议；结束时{m}项有效",
    "The game ended on turn {turn}: {side} walked out.": "游戏在第{turn}回合结束：{side}退出了谈判。",
    "Scores": "得分",
    "Final meters": "最终指标",
    "Side": "一方",
    "Played by": "操控者",
    "Score": "得分",
    "Walk-away": "底线",
    "Better than walking away?": "是否优于底线？",
    "yes": "是",
    "no": "否",
    "Total": "合计",
    "{side} at the start": "{side}（开局）",
    "{side} at the end": "{side}（结束）",
    "What happened": "发生了什么",
    "Shared meter": "共同指标",
    "At the start": "开局",
    "At the end": "结束",
    "Legend of the zone of possible agreement": "可能达成协议的区间的图例",
    # dialogs
    "The rulebook (docs/rules.md) is not installed with this copy of the game.": "此版本未附带规则手册（docs/rules.md）。",
    # Help ▸ Rules (issue 11, players' rulebook): the rulebook's file in Chinese
    "rules.md": "rules.zh.md",
    "Looks ahead with the economy model and concedes steadily.": "借助经济模型预判，稳步让步。",
    "Boulware: holds out and concedes only near the deadline.": "博尔韦尔式：坚持到期限临近才让步。",
    "Concedes early to close a deal.": "为达成协议而尽早让步。",
    "Tit-for-tat with forgiveness: answers your moves in kind.": "宽容的以牙还牙：以同样方式回应你的行动。",
    "New game — Tariff Talks": "新游戏 — 关税谈判",
    "&Scenario": "剧本(&S)",
    "Scenario": "剧本",
    "About the scenario": "剧本简介",
    "Your game": "你的对局",
    "Your side": "你的一方",
    "Your si&de": "你的一方(&D)",
    "Play against the AI": "与 AI 对战",
    "Hot-seat: two people on this computer": "热座：两人共用一台电脑",
    "AI style": "AI 风格",
    "AI level": "AI 难度",
    "Easy": "简单",
    "Normal": "普通",
    "Hard": "困难",
    "Expert": "专家",
    "Opponent": "对手",
    "random": "随机",
    "Seed (optional)": "随机种子（可选）",
    "S&eed": "随机种子(&E)",
    "Language": "语言",
    "&Language": "语言(&L)",
    "&Start the game": "开始游戏(&S)",
    "Start the game": "开始游戏",
    "Cancel": "取消",
    "Close": "关闭",
    "Play against the &AI": "与 AI 对战(&A)",
    "&Hot-seat: two people on this computer": "热座：两人共用一台电脑(&H)",
    "Dates": "日期",
    "Length": "时长",
    "Difficulty": "难度",
    "Your own scenarios go in {folder}": "你自己的剧本放在 {folder}",
    "{n} turns of {d} days": "{n}回合，每回合{d}天",
    "{title} (yours)": "{title}（自定义）",
    "How to play Tariff Talks": "如何玩《关税谈判》",
    "You lead a delegation in the 2025 tariff war. Each turn is a week. Your private briefing (left) lists "
    "your objectives, your red lines and your political capital. Your score follows your own objectives, so "
    "both sides can win — or both can lose.": (
        "你率领代表团参与2025年的关税战。每回合为一周。左侧的内部简报列出你的目标、红线和政治资本。"
        "你的得分取决于你自己的目标，因此双方可能都赢，也可能都输。"
    ),
    "1. Orders": "1. 命令",
    "In the Orders tab, move your instruments — tariffs, export controls, purchases — and choose a public "
    "statement. Every step costs political capital. Orders stay secret until the turn resolves. Press Submit "
    "orders (Ctrl+Enter).": (
        "在“命令”页调整你的政策工具——关税、出口管制、采购——并选择公开声明。每调整一步都要花费政治资本。"
        "命令在回合结算前保密。按“提交命令”（Ctrl+Enter）。"
    ),
    "2. The table": "2. 谈判桌",
    "Then the table opens. Build a package in the proposal builder: tick terms on your instruments and theirs, "
    "set levels and durations (a term that lasts N turns snaps back afterwards). The what-if preview shows how "
    "the package would move both sides' meters in four turns. Propose it, or answer their offer: accept, "
    "reject, or edit it into a counter-offer. A few offers are allowed per turn; End turn closes the table.": (
        "随后谈判桌开启。在方案编辑器中组合方案：勾选你方和对方的工具条款，设定水平和期限（持续N回合的条款到期后恢复原状）。"
        "“假设预览”显示该方案在四回合后对双方指标的影响。提出方案，或答复对方的方案：接受、拒绝，或修改为还价。"
        "每回合只能提出少数几个方案；“结束回合”关闭谈判桌。"
    ),
    "3. Resolution": "3. 结算",
    "Orders and agreed terms take effect together, the economy model steps and the news arrives. Click any "
    "meter value to see why it moved. Breaking an agreement costs trust and capital.": (
        "命令和协议条款同时生效，经济模型向前推进，新闻随之而来。点击任一指标数值可查看其变动原因。违反协议会损失互信和政治资本。"
    ),
    "4. The end": "4. 结局",
    "The game ends with a comprehensive deal, a walk-out, a collapse of trust, a recession or the deadline. The "
    "debrief reveals both briefings, the zone of possible agreement and what happened in 2025. Export it as PNG "
    "or PDF from the debrief.": (
        "游戏在达成全面协议、一方退出、互信崩溃、经济衰退或期限到达时结束。复盘会公开双方的简报、"
        "可能达成协议的区间以及2025年的实际情况。可在复盘中导出为 PNG 或 PDF。"
    ),
    "Hot-seat": "热座",
    "Two players share one computer. Between the delegations' private phases a hand-over screen hides "
    "everything; press Ready only when the right delegation is at the keyboard.": (
        "两名玩家共用一台电脑。在双方的私密阶段之间，交接画面会隐藏一切；只有在对应的代表团坐到键盘前时才按“准备好了”。"
    ),
    "Keyboard": "键盘",
    "Ctrl+N new game · Ctrl+S save · Ctrl+O open · Ctrl+Enter submit orders or end turn · Ctrl+1/2 switch "
    "between Orders and Table · F1 this guide · Tab moves between controls.": (
        "Ctrl+N 新游戏 · Ctrl+S 保存 · Ctrl+O 打开 · Ctrl+Enter 提交命令或结束回合 · Ctrl+1/2 在命令和谈判桌之间切换 · "
        "F1 本指南 · Tab 在控件之间移动。"
    ),
    # hand-over
    "Ready": "准备好了",
    "Pass to the {side} delegation": "请交给{side}代表团",
    "The {prev} delegation's screen is hidden. When only the {side} delegation can see the screen, press "
    "Ready.": "{prev}代表团的画面已隐藏。当只有{side}代表团能看到屏幕时，请按“准备好了”。",
    "When only the {side} delegation can see the screen, press Ready.": "当只有{side}代表团能看到屏幕时，请按“准备好了”。",
    "Ready: the {side} delegation has the computer": "准备好了：{side}代表团已接过电脑",
    # main window
    "AI": "AI",
    "Orders and negotiation table": "命令与谈判桌",
    "&Orders": "命令(&O)",
    "Negotiation &table": "谈判桌(&T)",
    "Message": "消息",
    "The AI is thinking": "AI 正在思考",
    "Walk out of the talks": "退出谈判",
    "End turn": "结束回合",
    "Ctrl+Enter": "Ctrl+Enter",
    "Opening the scenario…": "正在打开剧本……",
    "&Game": "游戏(&G)",
    "&New game…": "新游戏(&N)……",
    "&Open…": "打开(&O)……",
    "&Save…": "保存(&S)……",
    "&Quit": "退出(&Q)",
    "&View": "视图(&V)",
    "&Theme": "主题(&T)",
    "Follow the &system": "跟随系统(&S)",
    "&Light": "浅色(&L)",
    "&Dark": "深色(&D)",
    "&Help": "帮助(&H)",
    "&How to play": "玩法说明(&H)",
    "&Rules": "规则(&R)",
    "&About Tariff Talks": "关于《关税谈判》(&A)",
    "hot-seat": "热座",
    "Save game": "保存游戏",
    "Saved games (*{suffix})": "存档 (*{suffix})",
    "Saved games (*{suffix} *.json)": "存档 (*{suffix} *.json)",
    "{err}\n\nOpen the backup of this save instead?": "{err}\n\n改为打开此存档的备份吗？",
    "The scenario file has changed since this game was saved. Continue with the current scenario file? "
    "(No: keep the scenario as it was saved.)": "自保存以来剧本文件已更改。是否使用当前的剧本文件继续？（否：保留保存时的剧本。）",
    "Open game": "打开游戏",
    "Not yet available": "暂不可用",
    "Saving and opening games is not yet available in this build.": "此版本暂不支持保存和打开游戏。",
    "About Tariff Talks": "关于《关税谈判》",
    "Tariff Talks — a negotiation game of the 2025 US–China tariff war.\n\nScenarios, rules and the economy "
    "model are documented in the docs folder. Figures come from the IMF, the BEA, the US Census Bureau and the "
    "banks' research, as cited in each scenario.": (
        "《关税谈判》——一款关于2025年中美关税战的谈判游戏。\n\n剧本、规则和经济模型的说明见 docs 文件夹。"
        "数据来自国际货币基金组织、美国经济分析局、美国人口普查局和各银行的研究，出处见各剧本。"
    ),
    "&Walk out": "退出谈判(&W)",
    "Walk out?": "退出谈判？",
    "Leave the table for good? The talks collapse and the game ends.": "永久离开谈判桌？谈判将破裂，游戏结束。",
    "The {side} delegation is thinking…": "{side}代表团正在思考……",
    "hand-over": "交接",
    "The scenario {path} could not be opened:\n{err}\n\nChoose Game ▸ New game… to pick another.": (
        "无法打开剧本 {path}：\n{err}\n\n请选择“游戏 ▸ 新游戏……”另选一个。"
    ),
    "You: {me} delegation · Opposite: {them} ({opp})": "你：{me}代表团 · 对方：{them}（{opp}）",
    "{them} is thinking…": "{them}正在思考……",
    "Orders: your move": "命令：轮到你",
    "Table: your move": "谈判桌：轮到你",
    "Submit orders": "提交命令",
    "Turn {n} of {total}": "第{n}/{total}回合",
    "Deadline {date}: {n} more turns after this one": "期限 {date}：本回合后还剩{n}回合",
    "AI: {style}, {level}": "AI：{style}，{level}",
    "Rule {rule}: {message}": "规则 {rule}：{message}",
    "Saved to {path}": "已保存到 {path}",
    "How to play": "玩法说明",
    "Rules": "规则",
    "Waiting for {them}…": "等待{them}……",
    "Answer their offer first": "请先答复对方的方案",
    "Could not start the game: {err}": "无法开始游戏：{err}",
    "Orders: waiting for {them}": "命令：等待{them}",
    "Table: {them} to move": "谈判桌：轮到{them}",
    "New game": "新游戏",
    # panels
    "Shared": "共同指标",
    "Your delegation and private briefing": "你的代表团与内部简报",
    "Standing": "现状",
    "Objectives": "目标",
    "Political capital": "政治资本",
    "Approval at home": "国内支持率",
    "Score now": "当前得分",
    "Why it moved:": "变动原因：",
    "No economic cause recorded: this meter moves with statements, agreements, breaches and events.": (
        "没有记录经济原因：该指标随声明、协议、违约和事件而变动。"
    ),
    "Meters": "指标",
    "Select a value to see why it moved.": "选择一个数值，查看它为何变动。",
    "Why the selected meter moved": "所选指标的变动原因",
    "shared": "共同",
    "News": "新闻",
    "News feed": "新闻动态",
    "Unilateral moves": "单方面行动",
    "Public statement": "公开声明",
    "Statement": "声明",
    "Optional words for the press": "对媒体的表态（可选）",
    "Statement text": "声明内容",
    "Instrument": "政策工具",
    "Now": "当前",
    "New level": "新水平",
    "Capital cost": "资本花费",
    "Offer on the table": "桌上的方案",
    "Accept the offer": "接受方案",
    "Reject the offer": "拒绝方案",
    "Load the offer into the proposal builder": "将方案载入方案编辑器",
    "Proposal builder": "方案编辑器",
    "Terms of the package": "方案条款",
    "A message with the offer (optional)": "随方案附言（可选）",
    "Message with the offer": "随方案附言",
    "Put the package on the table": "把方案摆上谈判桌",
    "Clear the proposal builder": "清空方案编辑器",
    "What-if preview of the package's effect on the meters": "方案对各项指标影响的假设预览",
    "History of offers": "方案记录",
    "What-if preview": "假设预览",
    "Offers so far": "已有方案",
    "The table opens once both delegations have given their orders. You can draft a package now.": (
        "双方代表团都下达命令后谈判桌才会开启。你现在可以先起草方案。"
    ),
    "on the table": "在桌上",
    "Spent on unilateral moves; regenerates each turn with approval.": "用于单方面行动；每回合按支持率恢复。",
    "Your walk-away value is the score you expect with no deal.": "底线分数是你在没有协议时预期的得分。",
    "Private briefing": "内部简报",
    "Red lines": "红线",
    "&Accept": "接受(&A)",
    "&Reject": "拒绝(&R)",
    "&Edit as counter-offer": "修改为还价(&E)",
    "Include": "纳入",
    "Lasts": "持续",
    "Starts": "生效",
    "&Propose": "提出方案(&P)",
    "Clear &terms": "清空条款(&T)",
    "&Counter-propose": "还价(&C)",
    "The game is over.": "游戏已结束。",
    "their offer": "对方的方案",
    "your package": "你的方案",
    "Tick at least one term to include.": "请至少勾选一项条款。",
    "Meter": "指标",
    "{side} delegation": "{side}代表团",
    "{score:.0f} / 100 (walk-away {walk:.0f})": "{score:.0f} / 100（底线 {walk:.0f}）",
    "Last turn: {before} → {now} ({delta})": "上一回合：{before} → {now}（{delta}）",
    " (you)": "（你）",
    "{meter}, {who}: why did it move?": "{meter}，{who}：为何变动？",
    "Trend of {meter}, {who}": "{meter}走势，{who}",
    "Choose this week's unilateral moves and a public statement. They stay private until the turn resolves. "
    "Every step costs political capital.": "选择本周的单方面行动和公开声明。它们在回合结算前保密。每调整一步都要花费政治资本。",
    "Orders are closed for this turn: the table is open.": "本回合命令已截止：谈判桌已开启。",
    "These orders cost {cost:.1f} of your {capital:.0f} political capital.": (
        "这些命令花费 {cost:.1f} 政治资本（你共有 {capital:.0f}）。"
    ),
    "to the end": "直至结束",
    " turns": "回合",
    "at once": "立即",
    "in ": "",
    "Turn {turn} · {who} · {status}": "第{turn}回合 · {who} · {status}",
    "Computing the effect of {what}…": "正在计算{what}的影响……",
    "The preview failed: {err}": "预览失败：{err}",
    "Effect of {what} in {n} turns: with it, minus without it.": "{what}在{n}回合后的影响：有此方案减去无此方案。",
    "Your score": "你的得分",
    "{text} (weight {w:g})": "{text}（权重 {w:g}）",
    "{credit}% · now {now} → {target}": "{credit}% · 当前 {now} → {target}",
    "Credit for: {text}": "完成度：{text}",
    "Now: {now}": "当前：{now}",
    "New level of {name}": "{name}的新水平",
    "Your orders for this turn are in: {moves}. They take effect when the turn resolves.": (
        "你本回合的命令已提交：{moves}。它们在回合结算时生效。"
    ),
    "{side} commits (you)": "{side}承诺（你方）",
    "{side} commits": "{side}承诺",
    "{who} offers (turn {turn}):": "{who}提出的方案（第{turn}回合）：",
    "Your offer is on the table, waiting for {who}:": "你的方案已摆上谈判桌，等待{who}答复：",
    "Offers so far ({n})": "已有方案（{n}）",
    "No offers yet.": "尚无方案。",
    "no moves": "无行动",
    "Include {name}": "纳入{name}",
    "Proposed level of {name}": "{name}的提议水平",
    "Duration of the term on {name} (0: to the end)": "{name}条款的期限（0：直至结束）",
    "Turns after signing before the term on {name} starts": "签署后{name}条款生效前的回合数",
    "Your move: accept, reject, or counter their offer. Offers left this turn: {n}.": (
        "轮到你：接受、拒绝或还价。本回合剩余方案数：{n}。"
    ),
    "Your move: put a package on the table, or end the turn. Offers left this turn: {n}.": (
        "轮到你：提出方案，或结束回合。本回合剩余方案数：{n}。"
    ),
    "Waiting for the {who} delegation. Offers left this turn: {n}.": "等待{who}代表团。本回合剩余方案数：{n}。",
    # the AI's styles and levels (their names and descriptions come from game.ai)
    "Pragmatist": "务实派",
    "Hard-liner": "强硬派",
    "Conceder": "让步派",
    "Reciprocator": "对等派",
    "Weighs every package and every move by simulating the economy ahead; trades what is cheap for it "
    "for what it needs most.": "用经济模型推演每个方案、每步行动的后果；拿自己代价小的去换自己最需要的。",
    "Demands much, concedes late (Boulware), answers every escalation harder and never forgets a breach.": (
        "要价高、让步晚（博尔韦尔策略），对每次升级都加倍回击，从不忘记对方违约。"
    ),
    "Eager for a deal: concedes early, speaks softly, makes goodwill gestures and never retaliates.": (
        "急于成交：早早让步，措辞温和，释放善意，从不报复。"
    ),
    "Tit-for-tat with forgiveness: matches the other side's moves and concessions, forgives small "
    "slights.": "以牙还牙而懂得宽恕：对方怎么行动、怎么让步，它就怎么回应；小的冒犯不予计较。",
    "Looks one week ahead, offers all-or-nothing packages, misjudges values and ignores what refusals "
    "reveal.": "只看一周之后；方案要么全给、要么全不给；常估错价值，也不理会对方拒绝中透露的信息。",
    "Looks four weeks ahead, knows a comprehensive deal ends the talks, offers graded packages and "
    "respects red lines the other side names.": (
        "看四周之后；知道全面协议会结束谈判；提出分级方案，并尊重对方明说的红线。"
    ),
    "Looks to the deadline, builds mixed packages (partial cuts, suspensions, purchases, pledges), reads "
    "refusal patterns and the other side's economy, and homes in on a red line by halving.": (
        "一直看到最后期限；组合多种条款（部分降税、暂停征收、采购、承诺）；读懂对方的拒绝规律和经济状况，"
        "并用折半法逼近对方的红线。"
    ),
    "Everything hard does, without the noise: reads the exact level of a red line the other side names, "
    "learns what the other side wants most and how often it takes offers, closes on the other side's own "
    "package when holding out would cost more, and asks for a little more before accepting.": (
        "具备“困难”级的全部能力且判断无误差：读出对方所说红线的确切数值；了解对方最想要什么、多常接受方案；"
        "僵持代价更高时按对方自己的方案成交；接受之前还会再争取一点。"
    ),
    # Orders form (issue 11): breaching an agreement, asked before submitting.
    "Agreements these orders would breach": "这些指令将违反的协议",
    "The agreement signed on turn {turn} holds {name} at most {committed}; your order: {ordered}.": (
        "第{turn}回合签署的协议规定{name}至多为{committed}；你的指令：{ordered}。"
    ),
    "The agreement signed on turn {turn} holds {name} at least {committed}; your order: {ordered}.": (
        "第{turn}回合签署的协议规定{name}至少为{committed}；你的指令：{ordered}。"
    ),
    "It becomes void: the {other} delegation's commitments in it snap back ({what}).": (
        "该协议将作废：{other}代表团在其中的承诺恢复原状（{what}）。"
    ),
    "Cost: {trust:.0f} trust (from {before:.0f} to {after:.0f}, before the turn's other changes) and "
    "{capital:.0f} of your political capital.": (
        "代价：互信减少{trust:.0f}（从{before:.0f}降至{after:.0f}，未计本回合其他变化），"
        "并损失{capital:.0f}点政治资本。"
    ),
    "Trust would run out: the talks collapse and the game ends.": "互信将耗尽：谈判破裂，游戏结束。",
    "Breach an agreement?": "违反协议？",
    "These orders breach an agreement in force.": "这些指令违反一项生效中的协议。",
    "These orders breach {n} agreements in force.": "这些指令违反{n}项生效中的协议。",
    "Submit these orders anyway?": "仍要提交这些指令吗？",
    "&Yes, breach it": "是，违反协议(&Y)",
    "&No, back to the orders": "否，返回指令(&N)",
    # negotiation table: answers, comprehensive deals, agreements, drafts, advice (issue 11)
    "Advisers: submit orders — {moves}; statement: {statement}.": "顾问建议：提交命令——{moves}；声明：{statement}。",
    "Advisers: propose a package of {n} terms — see it in the negotiation table, ready to load.": (
        "顾问建议：提出含{n}项条款的方案——见谈判桌，可一键载入。"
    ),
    "The last answer at the table": "谈判桌上的最新答复",
    "Your advisers suggest this package": "顾问建议的方案",
    "Your advisers' package": "顾问的方案",
    "&Load into the builder": "载入方案编辑器(&L)",
    "Load the advisers' package into the proposal builder": "将顾问的方案载入方案编辑器",
    "Tick the terms to include (Space ticks the selected row). A term holds one instrument, yours or theirs, "
    "at a level for some turns (then it snaps back) or to the end. Your draft stays from turn to turn.": (
        "勾选要纳入的条款（空格键勾选所选行）。每项条款把一项工具（你方或对方的）保持在某一水平若干回合"
        "（之后恢复原状）或直至结束。草案会逐回合保留。"
    ),
    "What a comprehensive deal needs": "全面协议的条件",
    "Proposed": "提议",
    "What-if preview, history of offers and agreements in force": "假设预览、方案记录与生效中的协议",
    "Each offer has a link that loads it into the proposal builder.": "每个方案都有一个链接，可将其载入方案编辑器。",
    "Agreements in force": "生效中的协议",
    "Agreements": "协议",
    "Agreements in force ({n})": "生效中的协议（{n}）",
    "A comprehensive deal needs a term on this instrument.": "全面协议须包含这项工具的条款。",
    "A comprehensive deal: signing it ends the talks.": "这是全面协议：签署即结束谈判。",
    "A comprehensive deal.": "这是全面协议。",
    "{who} accepted your offer (turn {turn}): the deal is signed.": "{who}接受了你方的方案（第{turn}回合）：协议已签署。",
    "{who} rejected your offer (turn {turn}).": "{who}拒绝了你方的方案（第{turn}回合）。",
    "{who} answered your offer with a counter-offer (turn {turn}).": "{who}以反提案回应了你方的方案（第{turn}回合）。",
    "You accepted {whose} offer (turn {turn}): the deal is signed.": "你方接受了{whose}方案（第{turn}回合）：协议已签署。",
    "You rejected {whose} offer (turn {turn}).": "你方拒绝了{whose}方案（第{turn}回合）。",
    "You answered {whose} offer with a counter-offer (turn {turn}).": "你方以反提案回应了{whose}方案（第{turn}回合）。",
    "Your offer lapsed (turn {turn}).": "你方的方案已失效（第{turn}回合）。",
    "{whose} offer lapsed (turn {turn}).": "{whose}方案已失效（第{turn}回合）。",
    "It is a comprehensive deal.": "这是全面协议。",
    "Why:": "理由：",
    "accepted: deal signed": "已接受：协议已签署",
    "Load into the builder": "载入方案编辑器",
    "No agreement has been signed yet.": "尚未签署任何协议。",
    "in force": "生效中",
    "void: breached by {who}": "已作废：{who}违约",
    "replaced by a later agreement": "已被后来的协议取代",
    "Signed on turn {turn} ({date}), proposed by {who} · {status}": "第{turn}回合（{date}）签署，{who}提出 · {status}",
    "comprehensive deal": "全面协议",
    "from {date}": "自{date}起",
    "to the end of the game": "直至游戏结束",
    "expires {date}, then snaps back to {level}": "{date}到期，随后恢复至{level}",
    "★ A comprehensive deal ends the talks. It needs {n} or more terms, commitments from both sides and a "
    "term on each ★ instrument.": "★ 全面协议一经签署即结束谈判。它至少需要{n}项条款、双方都有承诺，并包含每项★工具的条款。",
    "★ A comprehensive deal needs {n} or more terms, commitments from both sides and a term on each ★ "
    "instrument.": "★ 全面协议至少需要{n}项条款、双方都有承诺，并包含每项★工具的条款。",
    "Needed for a comprehensive deal: {names}": "全面协议须包含：{names}",
    "This draft is a comprehensive deal.": "此草案是全面协议。",
    "Not comprehensive yet: it lacks {what}.": "尚不是全面协议：还缺{what}。",
    "one more term": "再加一项条款",
    "{k} more terms": "再加{k}项条款",
    "a commitment from the other side": "对方的承诺",
    "Tick terms in the builder (or receive an offer) to see what they would do to the meters.": (
        "在编辑器中勾选条款（或收到对方方案）后，可在此查看它们对各项指标的影响。"
    ),
    "Your advisers' package is in the proposal builder.": "顾问的方案已载入方案编辑器。",
    "The offer of turn {turn} is in the proposal builder.": "第{turn}回合的方案已载入方案编辑器。",
    "Rule {rule}: this package crosses your red line: {lines}": "规则 {rule}：此方案越过了你方的红线：{lines}",
    # First run and the tutorial (issue 11: the welcome page, orders-only turns)
    "Welcome to Tariff Talks": "欢迎来到《关税谈判》",
    "You lead a delegation in the 2025 US–China tariff war: give orders, make offers at the table, and steer "
    "both economies toward a deal. New here? Start with the tutorial.": (
        "你将率领代表团参与2025年中美关税战：下达命令、在谈判桌上提出方案，引导两国经济走向协议。"
        "初次来玩？先从教程开始。"
    ),
    "New to the game?": "初次来玩？",
    "Five short turns, one lesson each: orders first, then the negotiation table. Recommended for your "
    "first game.": "五个简短的回合，每回合一课：先学下达命令，再学谈判桌。推荐第一局使用。",
    "&Start the tutorial": "开始教程(&S)",
    "The rules in brief": "规则速览",
    "A turn, the table, the scoring and the keys, on one page. You come back here after.": (
        "一页读懂回合流程、谈判桌、计分和快捷键。读完后回到这里。"
    ),
    "&Read How to play": "阅读玩法说明(&R)",
    "Ready to negotiate?": "准备好谈判了吗？",
    "Geneva, May 2025: tariffs at 145% and 125%, a recession looming. The full scenario, against the AI.": (
        "2025年5月，日内瓦：关税分别高达145%和125%，衰退阴影逼近。完整剧本，对手为AI。"
    ),
    "&Play Geneva": "进入日内瓦谈判(&P)",
    "This choice is offered once. Later: Game ▸ New game… (the tutorial is in the list) and Help ▸ How to "
    "play (F1).": "此选择只出现一次。之后可通过 游戏 ▸ 新游戏…（教程在列表中）和 帮助 ▸ 玩法说明（F1）找到。",
    "Welcome": "欢迎",
    "This turn is orders only: the table opens on turn {n}. You can draft a package now.": (
        "本回合只有命令：谈判桌将在第{n}回合开启。你现在可以先起草方案。"
    ),
}
