# Prototype timing script (issue 15, 2026-11-27), run with the app's SQLite 3.53 (LD_LIBRARY_PATH to its libe_sqlite3.so) on copies of a 100,000-patient bench clinic; paths are that machine's.
import sqlite3,time,sys
c=sqlite3.connect('file:/tmp/s/db/'+__import__('os').environ.get('DB','p2.db')+'?mode=ro', uri=True, cached_statements=0)
def tier(matched):
    return f'''
WITH "Exact" AS MATERIALIZED (
    SELECT d."SortName", d."PatientId" FROM "PatientSearchDocuments" d WHERE NOT d."Archived" AND d."Email" = :up
    UNION
    SELECT d."SortName", d."PatientId" FROM "PatientSearchDocuments" d WHERE NOT d."Archived" AND (d."PhoneDigits" = ''))
SELECT "PatientId" AS "Value" FROM (
    SELECT 0 AS "Rank", "SortName", "PatientId" FROM "Exact"
    UNION ALL
    SELECT * FROM (SELECT 1, d."SortName", d."PatientId" FROM "PatientSearchDocuments" d INDEXED BY "IX_PatientSearchDocuments_Name_Current"
        WHERE NOT d."Archived" AND (d."Name" >= :up AND d."Name" < :up || char(1114111)) AND d."PatientId" NOT IN (SELECT "PatientId" FROM "Exact")
        ORDER BY d."SortName", d."PatientId" LIMIT :lim)
    UNION ALL
    SELECT * FROM (SELECT 2, d."SortName", d."PatientId" FROM "PatientSearchDocuments" d INDEXED BY "IX_PatientSearchDocuments_SortName_Current"
        WHERE NOT d."Archived" AND {matched}
            AND d."PatientId" NOT IN (SELECT "PatientId" FROM "Exact") AND NOT (d."Name" >= :up AND d."Name" < :up || char(1114111))
        ORDER BY d."SortName", d."PatientId" LIMIT :lim)
) ORDER BY "Rank", "SortName", "PatientId"
LIMIT :ps OFFSET :off'''
inmatch='d."Id" IN (SELECT rowid FROM "PatientSearchTrigrams" WHERE "PatientSearchTrigrams" MATCH :q)'
walk='(instr(d."Haystack", :up) > 0 OR (d."Haystack" IS NULL AND '+inmatch+'))'
def t(name, sql, args, n=30):
    list(c.execute(sql,args)); a=time.perf_counter()
    for _ in range(n): r=list(c.execute(sql,args))
    print(f"{name:34} {(time.perf_counter()-a)/n*1000:7.3f} ms rows={len(r)} {r[0] if len(r)==1 else ''}")
    return r
def sub(up):
    # non-overlapping trigrams covering the text, the last one flush with its end
    parts=[up[i:i+3] for i in range(0,len(up)-2,3)]
    if (len(up))%3: parts.append(up[-3:])
    return ' AND '.join('"'+p+'"' for p in parts)
for q in sys.argv[1:]:
    up=q.upper(); fq='"'+q+'"'
    t(f'count phrase {q}', 'select count(*) from PatientSearchTrigrams where PatientSearchTrigrams match ?', (fq,))
    s=sub(up)
    t(f'count subset {s}', 'select count(*) from PatientSearchTrigrams where PatientSearchTrigrams match ?', (s,))
    t(f'count subset+chk', 'select count(*) from PatientSearchDocuments d where d.Id in (select rowid from PatientSearchTrigrams where PatientSearchTrigrams match ?) and instr(d.Haystack, ?)>0', (s,up))
    for page in (0,1):
        args=dict(q=fq,up=up,lim=25*(page+1),ps=25,off=25*page)
        a=t(f'page{page} inmatch', tier(inmatch), args); b=t(f'page{page} walk', tier(walk), args)
        assert a==b
order='''SELECT d."PatientId" FROM "PatientSearchDocuments" d WHERE d."Id" IN (SELECT rowid FROM "PatientSearchTrigrams" WHERE "PatientSearchTrigrams" MATCH :q) AND NOT d."Archived"
ORDER BY CASE WHEN d."Email" = :up OR d."PhoneDigits" = '' THEN 0 WHEN substr(d."Name", 1, length(:up)) = :up THEN 1 ELSE 2 END, d."SortName", d."PatientId" LIMIT :ps OFFSET :off'''
pre='''SELECT count(*) FROM "PatientSearchDocuments" d INDEXED BY "IX_PatientSearchDocuments_SortName_Current" WHERE NOT d."Archived" AND d."SortName" >= :up AND d."SortName" < :up || char(1114111)'''
for q in sys.argv[1:]:
    up=q.upper(); fq='"'+q+'"'
    for page in (0,1):
        args=dict(q=fq,up=up,lim=25*(page+1),ps=25,off=25*page)
        t(f'page{page} order', order, args)
    t('sortname prefix count', pre, dict(up=up))
