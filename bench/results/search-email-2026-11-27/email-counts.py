# Counting an exact email in sqlite3 (the app's SQLite 3.53) on a copy of a 100,000-patient bench clinic: the whole phrase, the part before the @, and that part with each match checked (issue 15, 2026-11-27).
import sqlite3,time,re
c=sqlite3.connect('file:/tmp/s/db/e.db?mode=ro',uri=True,cached_statements=0)
emails=[x.replace('%40','@').upper() for x in re.findall(r'"([^"]+)"', open('/tmp/s/ab/email.lua').readline())][:10]
def t(sql,args,n=10):
    list(c.execute(sql,args)); a=time.perf_counter()
    for _ in range(n): r=list(c.execute(sql,args))
    return f'{(time.perf_counter()-a)/n*1000:5.2f}ms/{r[0][0]}'
q='select count(*) from PatientSearchTrigrams where PatientSearchTrigrams match :q'
chk='select count(*) from PatientSearchDocuments d where d.Id in (select rowid from PatientSearchTrigrams where PatientSearchTrigrams match :q) and (instr(d.Haystack, :up) > 0 OR d.Haystack IS NULL)'
for e in emails:
    local=e.split('@')[0]
    print(e, 'full', t(q,dict(q=f'"{e}"')), 'local', t(q,dict(q=f'"{local}"')), 'local+chk', t(chk,dict(q=f'"{local}"',up=e)))
