import re,sys,statistics
for f in sys.argv[1:]:  # the app logs (BENCH_KEEP) of ./bench.sh --bookings runs of a build with paired-ab.patch
    txt=open(f).read()
    arms={'ON':[], 'OFF':[]}
    for m in re.finditer(r'Booking (\w+?)_(ON|OFF) for .*?provider ([\d.]+) ms, lock wait ([\d.]+) ms, begin ([\d.]+) ms, slot check ([\d.]+) ms, save ([\d.]+) ms, commit ([\d.]+) ms, lock release ([\d.]+) ms, publish ([\d.]+) ms', txt):
        v=[float(x) for x in m.groups()[2:]]
        arms[m.group(2)].append(v)
    for phase,sl in (('1-client',slice(0,300)),('8-client',slice(300,1300))):
        r={}
        for a in arms:
            xs=arms[a][sl.start//2:sl.stop//2]
            if not xs: continue
            r[a]=(len(xs), statistics.median([sum(x) for x in xs]), statistics.median([x[4] for x in xs]), statistics.median([x[5] for x in xs]))
        if 'ON' in r and 'OFF' in r:
            print(f, phase, 'ON n=%d total=%.3f save=%.3f commit=%.3f'%r['ON'], 'OFF n=%d total=%.3f save=%.3f commit=%.3f'%r['OFF'], 'total +%.1f%%'%((r['ON'][1]/r['OFF'][1]-1)*100))
