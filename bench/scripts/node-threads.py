#!/usr/bin/env python3
"""Per-thread CPU of NetworkLoad's node processes during its measured phase (Linux /proc).

Usage: run NetworkLoad with -DphaseMarker=/tmp/phase, and beside it:
    python3 bench/scripts/node-threads.py /tmp/phase
It waits for /tmp/phase.measured, reads every thread's CPU time of each node process (a java process whose
working directory ends in nodes/<id>), waits for /tmp/phase.done, reads again and prints, per node, the CPU
seconds of each thread group (threads named alike, e.g. C2 compiler threads, Ratis, gRPC, HTTP) in between.
"""
import collections
import os
import re
import sys
import time


def snapshot():
    ticks = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            node = re.search(r'nodes/([^/]+)$', os.readlink(f'/proc/{pid}/cwd'))
            if not node:
                continue
            for tid in os.listdir(f'/proc/{pid}/task'):
                stat = open(f'/proc/{pid}/task/{tid}/stat').read()
                name = stat[stat.index('(') + 1:stat.rindex(')')]
                fields = stat[stat.rindex(')') + 2:].split()
                group = re.sub(r'[-#]?\d+$', '', name).strip() or name
                ticks[tid] = (node.group(1), group, int(fields[11]) + int(fields[12]))
        except (OSError, ValueError):
            continue  # a process or thread that ended while being read
    return ticks


def wait_for(path):
    while not os.path.exists(path):
        time.sleep(0.2)


def main():
    marker = sys.argv[1]
    wait_for(marker + '.measured')
    before = snapshot()
    wait_for(marker + '.done')
    after = snapshot()
    hz = os.sysconf('SC_CLK_TCK')
    groups = collections.defaultdict(int)
    for tid, (node, group, t) in after.items():
        groups[(node, group)] += t - before.get(tid, (node, group, 0))[2]
    for node in sorted({n for n, _ in groups}):
        mine = sorted(((t, g) for (n, g), t in groups.items() if n == node), reverse=True)
        print(f"{node}: {sum(t for t, _ in mine) / hz:.1f} s of CPU in threads alive at the end")
        for t, g in mine:
            if t >= hz // 10:
                print(f"  {t / hz:6.1f} s  {g}")


if __name__ == '__main__':
    main()
