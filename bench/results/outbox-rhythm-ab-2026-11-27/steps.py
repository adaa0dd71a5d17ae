# Means of the 8-client phase's step timings (event 3001 lines 301-1300) and the commit step's spread, per kept app.log.
import re, statistics, sys
KEYS = ['lock wait', 'begin', 'slot check', 'save', 'commit', 'lock release']
for f in sys.argv[1:]:
    rows = [dict((k, float(x)) for k, x in re.findall(r'(lock wait|begin|slot check|save|commit|lock release) ([0-9.]+) ms', line))
            for line in open(f, errors='replace') if 'lock release' in line and 'BOOKED' in line]
    conc = rows[300:1300]
    commits = sorted(r['commit'] for r in conc)
    print(f, len(rows), ' '.join(f"{k}:{statistics.mean(r.get(k, 0) for r in conc):.2f}" for k in KEYS),
          f"commit p50 {commits[len(commits) // 2]:.2f} p90 {commits[int(len(commits) * .9)]:.2f} p99 {commits[int(len(commits) * .99)]:.2f}")
