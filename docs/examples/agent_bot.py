"""A Tariff Talks agent (docs/agents.md): eases its first tariff a step each turn, asks the
other side to halve its tariffs, accepts an offer when it stands above its walk-away or in
the last turn, and plays safe after a refusal. Run it as a seat:
    tariff-talks simulate --us "cmd:python docs/examples/agent_bot.py" """

import json
import sys


def halved(i, v):
    return i["min"] + i["step"] * ((v["levels"][i["id"]] - i["min"]) // (2 * i["step"]))


def answer(v, refused):
    mine = [i for i in v["instruments"] if i["owner"] == v["side"] and i["tradable"]]
    theirs = [i for i in v["instruments"] if i["owner"] == v["other"] and i["tradable"]]
    if v["phase"] == "orders":  # one step down on our first tariff, if we can pay for it
        ins = next((i for i in mine if i["kind"] == "tariff" and v["levels"][i["id"]] > i["min"]), None)
        if refused or ins is None or v["political_capital"] < ins["cost"]:
            return {"type": "submit_orders"}
        return {"type": "submit_orders", "moves": {ins["id"]: v["levels"][ins["id"]] - ins["step"]}}
    if v["pending_offer"] is not None:
        ahead = v["score"]["total"] >= v["score"]["walk_away"] or v["turn"] == v["deadline_turn"]
        return {"type": "accept"} if ahead and not refused else {"type": "reject"}
    if "propose" in v["can"] and not refused:  # halve their tariffs (to a step)
        tariffs = [i for i in theirs if i["kind"] == "tariff"]
        return {"type": "propose", "terms": [{"instrument": i["id"], "value": halved(i, v)} for i in tariffs]}
    return {"type": "end_talks"}


for line in sys.stdin:
    msg = json.loads(line)
    if msg["type"] == "end":
        break
    print(json.dumps(answer(msg["view"], refused=msg["type"] == "error")), flush=True)
