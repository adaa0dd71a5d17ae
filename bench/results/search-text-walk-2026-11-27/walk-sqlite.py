# Prototype timings (issue 15, 2026-11-27): the tiered page with the FTS5 match set ("old") against the instr walk on a
# Haystack copy ("new"), on copies of a 100,000-patient bench database, run with the app's SQLite (LD_LIBRARY_PATH to its
# libe_sqlite3.so); tier.py was the tiered-page SQL of SqliteTieredPage at that commit. Paths are that machine's.
import sqlite3,time,sys
c=sqlite3.connect('file:/tmp/s/db/'+sys.argv[1]+'?mode=ro', uri=True, cached_statements=0)
old=open('/tmp/s/tier.py').read().split("sql='''")[1].split("'''")[0].replace('PatientSearchWords','PatientSearchTrigrams')
new=old.replace('''d."Id" IN (SELECT rowid FROM "PatientSearchTrigrams" WHERE "PatientSearchTrigrams" MATCH ?1)''',
  '''(instr(d."Haystack", ?2) > 0 OR (d."Haystack" IS NULL AND d."Id" IN (SELECT rowid FROM "PatientSearchTrigrams" WHERE "PatientSearchTrigrams" MATCH ?1)))''')
def t(name, sql, args, n=40):
    list(c.execute(sql,args)); a=time.perf_counter()
    for _ in range(n): r=list(c.execute(sql,args))
    print(f"{name:28} {(time.perf_counter()-a)/n*1000:7.3f} ms rows={len(r)}")
    return r
for q,up in [('"ava"','AVA'),('"che"','CHE'),('"zha"','ZHA'),('"olivia p"','OLIVIA P'),('"quinn ro"','QUINN RO'),('"henry ok"','HENRY OK')]:
  for page in (1,):
    args=(q,up,'',25*(page+1),25,25*page)
    a=t(f'old {q} p{page}', old, args); b=t(f'new {q} p{page}', new, args)
    assert a==b, (q,page)
for r in c.execute("EXPLAIN QUERY PLAN "+new, ('"ava"','AVA','',50,25,25)): print('  ',r[3])
