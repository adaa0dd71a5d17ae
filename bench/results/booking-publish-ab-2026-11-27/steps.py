# Medians of the first 300 bookings' step timings (event 3001 lines, the 1-client phase) in a kept app.log.
import re, statistics, sys
KEYS = ['lock wait', 'begin', 'slot check', 'save', 'commit', 'lock release', 'publish']
for f in sys.argv[1:]:
    rows = []
    for line in open(f, errors='replace'):
        if 'lock release' in line and 'publish' in line:
            rows.append(dict((k, float(v)) for k, v in re.findall(r'(lock wait|begin|slot check|save|commit|lock release|publish) ([0-9.]+) ms', line)))
    first = rows[:300]
    print(f, len(rows), ' '.join(f"{k}:{statistics.median([r.get(k, 0) for r in first]):.2f}" for k in KEYS),
          f"sum:{statistics.median([sum(r.get(k, 0) for k in KEYS) for r in first]):.2f}")
