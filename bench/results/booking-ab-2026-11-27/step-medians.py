import sys,re,statistics
rows=[]
for l in open(sys.argv[1]):
    if 'Booking BOOKED' not in l: continue
    d=dict((k.strip(),float(v)) for k,v in re.findall(r'([a-z ]+) ([\d.]+) ms',l.split(';')[1]))
    rows.append(d)
n1=int(sys.argv[2]) if len(sys.argv)>2 else 100
for name,seg in [('first',rows[:n1]),('next1000',rows[n1:n1+1000]),('rest',rows[n1+1000:])]:
    if not seg: continue
    keys=seg[0].keys()
    print(name,len(seg),' '.join('%s=%.2f'%(k,statistics.median(r[k] for r in seg)) for k in keys), 'sum=%.2f'%statistics.median(sum(r.values()) for r in seg))
