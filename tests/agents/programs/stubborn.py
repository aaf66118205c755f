"""A test agent that answers every message with the line given as its argument (and
writes each message type and rule it gets on stderr), whatever it is told."""

import json
import sys

answer = sys.argv[1]
for line in sys.stdin:
    msg = json.loads(line)
    print(msg["type"], msg.get("rule", ""), msg.get("attempts_left", ""), file=sys.stderr, flush=True)
    if msg["type"] == "end":
        break
    print(answer, flush=True)
