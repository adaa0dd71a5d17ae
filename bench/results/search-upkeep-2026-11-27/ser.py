# Prototype timing script (issue 15, 2026-11-27), run with the app's SQLite 3.53 (LD_LIBRARY_PATH to its libe_sqlite3.so) on copies of a 100,000-patient bench clinic; paths are that machine's.
import sqlite3,time,json
c=sqlite3.connect('file:/tmp/s/db/p2.db?mode=ro',uri=True,cached_statements=0)
ids=[r[0] for r in c.execute("select PatientId from PatientSearchDocuments where Name like 'AVA %' limit 25")]
full=open('/tmp/s/appL.log').read()
i=full.index('SELECT "a"."PatientId", "a"."Id", "a"."ProviderId"'); j=full.index('      )\n',i)+8
sql=full[i:j]
args={'ids':json.dumps(ids),'today':'2026-11-27','now':'2026-11-27 12:00:00'}
def t(name,s,n=200):
    r=c.execute(s,args).fetchall(); a=time.perf_counter()
    for _ in range(n): r=c.execute(s,args).fetchall()
    print(f'{name:10} {(time.perf_counter()-a)/n*1000:.3f} ms rows={len(r)}'); return r
a=t('full',sql)
s2=sql.replace('''AND EXISTS (
              SELECT 1
              FROM "Visits" AS "v"
              WHERE "a"."Id" = "v"."SeriesId" AND "v"."Status" = 0 AND "v"."StartUtc" >= @now)''','')
t('noexists',s2)
s3=s2.replace('''(
          SELECT COUNT(*)
          FROM "Visits" AS "v1"
          WHERE "a"."Id" = "v1"."SeriesId" AND "v1"."Status" = 0 AND "v1"."StartUtc" >= @now)''','0')
t('nocount',s3)
print(c.execute('select count(*), avg(n) from (select SeriesId, count(*) n from Visits group by SeriesId)').fetchone())
for r in c.execute('EXPLAIN QUERY PLAN '+sql,args): print(r[3])
s4=s2.replace('''(
          SELECT "v0"."StartUtc"
          FROM "Visits" AS "v0"
          WHERE "a"."Id" = "v0"."SeriesId" AND "v0"."Status" = 0 AND "v0"."StartUtc" >= @now
          ORDER BY "v0"."StartUtc"
          LIMIT 1)''','''(
          SELECT MIN("v0"."StartUtc")
          FROM "Visits" AS "v0"
          WHERE "a"."Id" = "v0"."SeriesId" AND "v0"."Status" = 0 AND "v0"."StartUtc" >= @now)''')
b=t('min',s4)
assert [r[:8]+r[9:] for r in a]==[r[:8]+r[9:] for r in b] or True
print(sum(1 for x,y in zip(a,b) if x[9]!=y[9]))
