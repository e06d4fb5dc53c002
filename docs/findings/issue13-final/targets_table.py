#!/usr/bin/env python3
"""The tables of issue13-targets.md from the CSVs in this folder (round_values, latency_summary, floor_multiples):
   python3 docs/findings/issue13-final/targets_table.py docs/findings/issue13-final
For another run, point it at a folder holding the same files (results/<id>/csv)."""
import csv, sys, statistics as st, collections
run = sys.argv[1]
rv = list(csv.DictReader(open(f'{run}/round_values.csv')))
ls = list(csv.DictReader(open(f'{run}/latency_summary.csv')))
fm = list(csv.DictReader(open(f'{run}/floor_multiples.csv')))
per = collections.defaultdict(dict)  # (bench, transport, bytes, metric) -> {round: value}
for r in rv:
    if r['question'] != 'Q1' or 'pinning=cross-core' not in r['other_params']:
        continue
    per[(r['benchmark'].split('.')[1], r['transport'], r['message_bytes'], r['metric'])][r['round']] = float(r['value'])
def med(b, t, n, m):
    v = per.get((b, t, n, m))
    return st.median(v.values()) if v else None
def ratio(b, t1, t2, n, m):
    a, c = per.get((b, t1, n, m)), per.get((b, t2, n, m))
    if not a or not c: return None
    rs = [a[k] / c[k] for k in a if k in c and c[k]]
    return (st.median(rs), min(rs), max(rs), len(rs)) if rs else None
def pooled(t, n, col):
    for r in ls:
        if r['benchmark'] == 'Q1Transports.roundTrip' and r['transport'] == t and r['message_bytes'] == n and 'cross-core' in r['other_params']:
            return float(r[col])
def fast(t, n):
    for r in fm:
        if r['benchmark'] == 'Q1Transports.roundTrip' and r['transport'] == t and r['message_bytes'] == n and r['host_state'] == 'fast':
            return float(r['p50_x_floor']), float(r['block_share'])
    return None
f = lambda x, p=2: '-' if x is None else f'{x:.{p}f}'
fr = lambda r: '-' if r is None else f'{r[0]:.2f} [{r[1]:.2f}-{r[2]:.2f}]'
print(f'run {run}: Q1 round trips, cross-core, medians over rounds (p99.9 pooled)\n')
print('| size | transport | p50 ns | p50 x floor (all) | fast-state p50 x floor (share) | p99 ns | p99 x floor | p99.9 ns | p99.9 / floor p50 |')
print('|---:|---|---:|---:|---:|---:|---:|---:|---:|')
floor50 = med('roundTrip', 'floor', '0', 'p50_ns')
print(f"| 0 | floor | {f(floor50,0)} | 1 | | {f(med('roundTrip','floor','0','p99_ns'),0)} | | {f(pooled('floor','0','p99_9_ns'),0)} | |")
for n in ['8', '64', '2048']:
    for t in ['shm-ring', 'shm-ring-c', 'agrona', 'chronicle-style', 'chronicle-queue']:
        p50 = med('roundTrip', t, n, 'p50_ns')
        if p50 is None: continue
        fs = fast(t, n)
        fsx = '-' if fs is None else f'{fs[0]:.2f} ({fs[1]*100:.0f}%)'
        # p99.9 against the same-pair floor p50: floor_p50 = p50 / p50_x_floor
        x = med('roundTrip', t, n, 'p50_x_floor')
        fl = p50 / x if x else None
        p999 = pooled(t, n, 'p99_9_ns')
        print(f"| {n} | {t} | {f(p50,0)} | {f(x)} | {fsx} | {f(med('roundTrip',t,n,'p99_ns'),0)} | {f(med('roundTrip',t,n,'p99_x_floor'))} | {f(p999,0)} | {f(p999/fl if fl and p999 else None,1)} |")
print('\nPaired ratios (per round, median [min-max]):\n')
print('| size | ratio | p50 x floor | p99 x floor |')
print('|---:|---|---|---|')
for n in ['8', '64', '2048']:
    for a, b in [('shm-ring', 'agrona'), ('shm-ring-c', 'agrona'), ('chronicle-style', 'chronicle-queue')]:
        print(f"| {n} | {a} / {b} | {fr(ratio('roundTrip',a,b,n,'p50_x_floor'))} | {fr(ratio('roundTrip',a,b,n,'p99_x_floor'))} |")
print('\nThroughput (one-way into a checking sink), msg/s median over rounds, ratio per round:\n')
print('| size | ' + ' | '.join(['shm-ring', 'shm-ring-c', 'agrona', 'chronicle-style', 'chronicle-queue', 'pipe', 'fifo', 'uds', 'tcp', 'mq']) + ' | ring/agrona | cs/cq |')
print('|---:|' + '---:|' * 12)
for n in ['64', '2048']:
    cells = [f(med('throughput', t, n, 'msgs_per_s') and med('throughput', t, n, 'msgs_per_s') / 1e6, 3) for t in ['shm-ring', 'shm-ring-c', 'agrona', 'chronicle-style', 'chronicle-queue', 'pipe', 'fifo', 'uds', 'tcp', 'mq']]
    print(f"| {n} | " + ' | '.join(cells) + f" | {fr(ratio('throughput','shm-ring','agrona',n,'msgs_per_s'))} | {fr(ratio('throughput','chronicle-style','chronicle-queue',n,'msgs_per_s'))} |")
