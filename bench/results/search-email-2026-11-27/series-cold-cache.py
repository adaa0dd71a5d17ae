# Series query for a page of 25 patients, with the page cache cold each time (another connection writes between runs),
# on a database with and without a covering index for the visits subqueries.
import sqlite3,time,json,sys
db=sys.argv[1]
w=sqlite3.connect(db, isolation_level=None); w.execute('create table if not exists Scratch(x)')
c=sqlite3.connect(db,cached_statements=0,isolation_level=None)
ids=json.dumps([x.upper() for x in json.load(open("ids.json"))])
now='2026-11-27 21:00:00'
S='''SELECT "a"."PatientId", "a"."Id", "a"."ProviderId", "p"."Name" AS "Provider", "a"."FirstStartLocal", "a"."Repeat", "a"."EndDate", "a"."Notes", "a"."Status" AS "Stored", (
          SELECT "v"."StartUtc" FROM "Visits" AS "v" WHERE "a"."Id" = "v"."SeriesId" AND "v"."Status" = 0 AND "v"."StartUtc" >= :now ORDER BY "v"."StartUtc" LIMIT 1) AS "NextVisitUtc", (
          SELECT COUNT(*) FROM "Visits" AS "v0" WHERE "a"."Id" = "v0"."SeriesId" AND "v0"."Status" = 0 AND "v0"."StartUtc" >= :now) AS "Upcoming", "a"."Version", "a"."EnteredInErrorUtc" IS NOT NULL AS "EnteredInError"
      FROM "AppointmentSeries" AS "a" INNER JOIN "Providers" AS "p" ON "a"."ProviderId" = "p"."Id"
      WHERE "a"."PatientId" IN (SELECT "i"."value" FROM json_each(:ids) AS "i")'''
for q in c.execute('explain query plan '+S, dict(now=now,ids=ids)): print('  ',q[3])
for mode in ('changed','warm'):
    n=100; tot=0
    for _ in range(n):
        if mode=='changed': w.execute('insert into Scratch values(1)')
        a=time.perf_counter(); r=list(c.execute(S,dict(now=now,ids=ids))); tot+=time.perf_counter()-a
    print(db, mode, f'{tot/n*1000:.3f} ms', len(r))
