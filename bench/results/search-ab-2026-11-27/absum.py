import sys, collections
rows=[l.split() for l in open(sys.argv[1]) if l.strip()]
d=collections.defaultdict(lambda: collections.defaultdict(list))
for r in rows:
    rnd,w,n,p50,p90,rps=r[0],r[1],r[2],float(r[3].rstrip('ms')) if r[3].endswith('ms') else float(r[3].rstrip('s'))*1000,r[4],float(r[5])
    p90=float(p90[:-2]) if p90.endswith('ms') else float(p90[:-1])*1000
    d[n][w].append((p50,p90,rps))
import statistics as st
print(f"{'set':5} {'A p50':>7} {'B p50':>7} {'A p90':>7} {'B p90':>7} {'A/s':>7} {'B/s':>7} {'B/A rps':>8}")
for n,v in d.items():
    a=v['A']; b=v['B']
    m=lambda xs,i: st.median(x[i] for x in xs)
    print(f"{n:5} {m(a,0):7.2f} {m(b,0):7.2f} {m(a,1):7.2f} {m(b,1):7.2f} {m(a,2):7.1f} {m(b,2):7.1f} {m(b,2)/m(a,2):8.3f}")
