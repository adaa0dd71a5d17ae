# Estimates the audit's shift per booking from the paired logs: python3 paired-estimators.py fin1-bookings.log ...
# (first 300 bookings = one client; the first 25 of each half skipped as warm-up). "HL" is the Hodges-Lehmann
# estimate, the median of every ON-minus-OFF difference between the two halves.
import re,statistics,sys
def load(path):
    lines=[l for l in open(path) if 'Booking BOOKED' in l]
    on=[];off=[]
    for l in lines[:300]:
        s=dict((k.strip(),float(x)) for k,x in re.findall(r'([a-z ]+) ([\d.]+) ms',l.split(';')[1]))
        (on if '_ON' in l else off).append(s)
    return on[25:],off[25:]
def hl(a,b):
    d=sorted(x-y for x in a for y in b); return d[len(d)//2]
for p in sys.argv[1:]:
    on,off=load(p)
    ton=[sum(s.values()) for s in on]; toff=[sum(s.values()) for s in off]
    sc_on=[s['save']+s['commit'] for s in on]; sc_off=[s['save']+s['commit'] for s in off]
    print(f"{p[-40:]}: median diff {statistics.median(ton)-statistics.median(toff):+.3f}  HL total {hl(ton,toff):+.3f}  HL save+commit {hl(sc_on,sc_off):+.3f}  trimmed-mean diff {statistics.mean(sorted(ton)[12:-12])-statistics.mean(sorted(toff)[12:-12]):+.3f} off median {statistics.median(toff):.2f}")
